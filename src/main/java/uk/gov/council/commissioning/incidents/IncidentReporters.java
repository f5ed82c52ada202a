package uk.gov.council.commissioning.incidents;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Finds out who reported an incident, from the engine's users and groups. */
@Component
public class IncidentReporters {

  private final IdentityService identityService;

  public IncidentReporters(IdentityService identityService) {
    this.identityService = identityService;
  }

  /**
   * The user starting the case. The signed-in user counts, not the initiator variable: the engine
   * sets that variable before the start variables, so a start request could overwrite it and pass
   * a provider off as council staff. Only a start by the application itself (nobody signed in)
   * falls back to the variable.
   */
  public Reporter startingUser(Object initiatorVariable) {
    Authentication signedIn = identityService.getCurrentAuthentication();
    if (signedIn != null && signedIn.getUserId() != null) {
      return of(signedIn.getUserId());
    }
    return of(initiatorVariable instanceof String userId ? userId : null);
  }

  public Reporter of(String userId) {
    if (userId == null || userId.isBlank()) {
      return Reporter.of(null, List.of());
    }
    return Reporter.of(userId,
        identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
  }
}
