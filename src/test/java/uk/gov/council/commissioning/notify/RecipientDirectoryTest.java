package uk.gov.council.commissioning.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;

@ProcessTest
class RecipientDirectoryTest extends ProcessTestCase {

  // Camunda accepts only letters and digits in ids by default.
  private static final String GROUP = "notifyTestCommissioners";
  private static final String OTHER_GROUP = "notifyTestFinance";

  @Autowired RecipientDirectory directory;

  @BeforeEach
  void createUsersAndGroups() {
    group(GROUP);
    group(OTHER_GROUP);
    user("notifyTestAlice", "alice@council.example", GROUP);
    user("notifyTestBob", "bob@council.example", GROUP, OTHER_GROUP);
    user("notifyTestCarol", null, GROUP);
    user("notifyTestDave", "  ", GROUP);
    user("notifyTestErin", "erin@council.example", OTHER_GROUP);
  }

  @AfterEach
  void deleteUsersAndGroups() {
    for (String id : new String[] {"Alice", "Bob", "Carol", "Dave", "Erin"}) {
      identityService.deleteUser("notifyTest" + id);
    }
    identityService.deleteGroup(GROUP);
    identityService.deleteGroup(OTHER_GROUP);
  }

  @Test
  void emailsOfGroupListsMembersWithAnAddress() {
    assertThat(directory.emailsOfGroup(GROUP))
        .containsExactly("alice@council.example", "bob@council.example");
    assertThat(directory.emailsOfGroup(OTHER_GROUP))
        .containsExactly("bob@council.example", "erin@council.example");
  }

  @Test
  void unknownOrBlankGroupHasNoEmails() {
    assertThat(directory.emailsOfGroup("notifyTestNoSuchGroup")).isEmpty();
    assertThat(directory.emailsOfGroup(" ")).isEmpty();
    assertThat(directory.emailsOfGroup(null)).isEmpty();
  }

  @Test
  void emailOfUser() {
    assertThat(directory.emailOfUser("notifyTestAlice")).contains("alice@council.example");
    assertThat(directory.emailOfUser("notifyTestCarol")).isEmpty();
    assertThat(directory.emailOfUser("notifyTestDave")).isEmpty();
    assertThat(directory.emailOfUser("notifyTestNobody")).isEmpty();
    assertThat(directory.emailOfUser(null)).isEmpty();
  }

  private void group(String id) {
    Group group = identityService.newGroup(id);
    group.setName(id);
    identityService.saveGroup(group);
  }

  private void user(String id, String email, String... groups) {
    User user = identityService.newUser(id);
    user.setFirstName(id);
    user.setLastName("Test");
    user.setEmail(email);
    user.setPassword("not-used-" + id);
    identityService.saveUser(user);
    for (String group : groups) {
      identityService.createMembership(id, group);
    }
  }
}
