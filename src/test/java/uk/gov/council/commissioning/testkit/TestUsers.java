package uk.gov.council.commissioning.testkit;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import uk.gov.council.commissioning.security.AccessSetup;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.web.HttpTestClient;

/**
 * Test users: each test class names its own, all with the password {@code secret-<id>}.
 *
 * <p>As an extension (the kit's test annotations register it) it takes the memberships a class
 * added away again after the class: the classes share one engine, and some check exactly who is in
 * a council group, for example to whom a group's email went.
 */
public final class TestUsers implements AfterAllCallback {

  private static final List<String[]> ADDED_MEMBERSHIPS = new ArrayList<>();

  public static String password(String user) {
    return "secret-" + user;
  }

  /** The user (created once) in each of {@code groups}. */
  public static void user(AccessSetup access, String id, String... groups) {
    namedUser(access, id, "Test", id, groups);
  }

  /** The user (created once), with a name, in each of {@code groups}. */
  public static void namedUser(
      AccessSetup access, String id, String firstName, String lastName, String... groups) {
    access.ensureUser(id, firstName, lastName, id + "@council.example", password(id));
    for (String group : groups) {
      access.ensureMembership(id, group);
      synchronized (ADDED_MEMBERSHIPS) {
        ADDED_MEMBERSHIPS.add(new String[] {id, group});
      }
    }
  }

  /**
   * The user (created once) working for a provider: in the providers' role and the organisation's
   * group, which is created first if need be.
   */
  public static void providerUser(
      AccessSetup access, String id, String organisationGroup, String organisationName) {
    access.ensureGroup(organisationGroup, organisationName, "PROVIDER");
    user(access, id, Roles.PROVIDERS, organisationGroup);
  }

  /** HTTP Basic headers for the user. */
  public static String[] as(String user) {
    return HttpTestClient.basic(user, password(user));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    List<String[]> added;
    synchronized (ADDED_MEMBERSHIPS) {
      added = List.copyOf(ADDED_MEMBERSHIPS);
      ADDED_MEMBERSHIPS.clear();
    }
    if (added.isEmpty()) {
      return;
    }
    IdentityService identity =
        SpringExtension.getApplicationContext(context).getBean(IdentityService.class);
    for (String[] membership : added) {
      identity.deleteMembership(membership[0], membership[1]);
    }
  }
}
