package uk.gov.council.commissioning;

import uk.gov.council.commissioning.security.AccessSetup;
import uk.gov.council.commissioning.web.HttpTestClient;

/** Test users: each test class names its own, all with the password {@code secret-<id>}. */
public final class TestUsers {

  public static String password(String user) {
    return "secret-" + user;
  }

  /** The user (created once) in each of {@code groups}. */
  public static void user(AccessSetup access, String id, String... groups) {
    access.ensureUser(id, "Test", id, id + "@council.example", password(id));
    for (String group : groups) {
      access.ensureMembership(id, group);
    }
  }

  /** HTTP Basic headers for the user. */
  public static String[] as(String user) {
    return HttpTestClient.basic(user, password(user));
  }

  private TestUsers() {}
}
