package uk.gov.council.commissioning.testkit;

import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.security.AccessSetup;

/**
 * A provider organisation of a test: its council group, its name and email in the register, and one
 * user who works for it. Isolation tests set up two (alpha and beta) and check that each one's user
 * sees only its own.
 */
public record TestProvider(String group, String name, String email, String user) {

  /**
   * The organisation {@code side} ("alpha", "beta") of a test class with {@code prefix}: group
   * {@code provider-<prefix>-<side>}, user {@code <prefix>-<side>-user}.
   */
  public static TestProvider named(String prefix, String side, String name) {
    return new TestProvider(
        "provider-" + prefix + "-" + side,
        name,
        side + "@" + prefix + ".example",
        prefix + "-" + side + "-user");
  }

  /** Creates the group and its user (once) and registers the provider; returns the provider. */
  public Provider setUp(AccessSetup access, ContractService contracts) {
    setUpUser(access);
    return contracts.createProvider(name, email, group);
  }

  /** Creates the group and its user (once), for a test that needs no provider in the register. */
  public void setUpUser(AccessSetup access) {
    TestUsers.providerUser(access, user, group, name);
  }
}
