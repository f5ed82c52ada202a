package uk.gov.council.commissioning.incidents;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/** Finds out who a process's initiator is, from the engine's users and groups. */
@Component
public class IncidentReporters {

  private final IdentityService identityService;

  public IncidentReporters(IdentityService identityService) {
    this.identityService = identityService;
  }

  public Reporter of(String userId) {
    if (userId == null || userId.isBlank()) {
      return Reporter.of(null, java.util.List.of());
    }
    return Reporter.of(userId,
        identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
  }
}
