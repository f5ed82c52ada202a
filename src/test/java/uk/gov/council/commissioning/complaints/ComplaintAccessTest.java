package uk.gov.council.commissioning.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.complaints.ComplaintTestData.registeredComplaint;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.security.Actor;

/**
 * Who counts as a provider, which complaints each may see, and how form problems become field
 * problems.
 */
class ComplaintAccessTest {

  @Test
  void membershipOfAProviderGroupAloneMakesAProvider() {
    assertThat(Actor.of("a", List.of("provider-alpha")))
        .isEqualTo(new Actor("a", true, Set.of("provider-alpha")));
    assertThat(Actor.of("b", List.of("providers")).provider()).isTrue();
    assertThat(Actor.of("c", List.of("commissioning-officers")))
        .isEqualTo(new Actor("c", false, Set.of()));
  }

  @Test
  void providersSeeOnlyTheComplaintsTheyHandleThemselves() {
    Actor alpha = Actor.of("a", List.of("providers", "provider-alpha"));
    Actor staff = Actor.of("s", List.of("quality-assurance"));
    Complaint handledByAlpha = registeredComplaint("PROVIDER", "provider-alpha");
    Complaint handledByBeta = registeredComplaint("PROVIDER", "provider-beta");
    Complaint toTheCouncilAboutAlpha = registeredComplaint("COUNCIL", "provider-alpha");

    assertThat(ComplaintCaseService.maySee(alpha, handledByAlpha)).isTrue();
    assertThat(ComplaintCaseService.maySee(alpha, handledByBeta)).isFalse();
    assertThat(ComplaintCaseService.maySee(alpha, toTheCouncilAboutAlpha)).isFalse();
    assertThat(ComplaintCaseService.maySee(staff, handledByBeta)).isTrue();
    assertThat(ComplaintCaseService.maySee(staff, toTheCouncilAboutAlpha)).isTrue();
  }
}
