package uk.gov.council.commissioning.security;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Finds out who is acting, from the engine's users and groups. */
@Component
@RequiredArgsConstructor
public class Actors {

  private final IdentityService identityService;

  /**
   * The user starting a case. The signed-in user counts, not the initiator variable: the engine
   * sets that variable before the start variables, so a start request could overwrite it and pass a
   * provider off as council staff. Only a start by the application itself (nobody signed in) falls
   * back to the variable.
   */
  public Actor startingUser(Object initiatorVariable) {
    Authentication signedIn = identityService.getCurrentAuthentication();
    if (signedIn != null && signedIn.getUserId() != null) {
      // The groups the sign-in gave the engine are the ones its authorization checks of this same
      // start use, so they are not looked up again; a sign-in without them is.
      List<String> groups = signedIn.getGroupIds();
      return groups == null || groups.isEmpty()
          ? of(signedIn.getUserId())
          : Actor.of(signedIn.getUserId(), List.copyOf(groups));
    }
    return of(initiatorVariable == null ? null : initiatorVariable.toString());
  }

  /**
   * The user with the groups the engine has for it; the application itself when there is no user.
   */
  public Actor of(String userId) {
    if (userId == null || userId.isBlank()) {
      return Actor.engine();
    }
    return Actor.of(userId, groupsOf(userId));
  }

  /**
   * Whether the user is a council officer, who may work the council's own steps: a member of a
   * council team and not a provider's user. Administration alone does not make an officer.
   */
  public boolean isCouncilOfficer(String userId) {
    if (userId == null || userId.isBlank()) {
      return false;
    }
    List<String> groups = groupsOf(userId);
    return !Actor.of(userId, groups).provider() && groups.stream().anyMatch(Roles::isCouncilGroup);
  }

  /** Whether the user is a member of any of the groups (a team a step is for). */
  public boolean isMemberOfAny(String userId, String... groupIds) {
    if (userId == null || userId.isBlank()) {
      return false;
    }
    return groupsOf(userId).stream().anyMatch(List.of(groupIds)::contains);
  }

  private List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .toList();
  }
}
