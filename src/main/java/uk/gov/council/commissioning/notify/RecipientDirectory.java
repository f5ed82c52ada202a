package uk.gov.council.commissioning.notify;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.gov.council.commissioning.security.Roles;

/**
 * Email addresses of the engine's users and groups, so that notifications go to the same people who
 * see the tasks.
 *
 * <p>Queries run with whatever authentication the engine has on the current thread: none in jobs
 * and scheduled work, and authorization checks are not applied to code called from delegates, so
 * the full directory is visible there.
 */
@Service
@RequiredArgsConstructor
public class RecipientDirectory {

  private static final Logger log = LoggerFactory.getLogger(RecipientDirectory.class);

  private final IdentityService identityService;

  /**
   * Addresses of the group's members, in user-id order, without duplicates; members without one are
   * left out.
   */
  public List<String> emailsOfGroup(String groupId) {
    if (groupId == null || groupId.isBlank()) {
      return List.of();
    }
    List<User> members =
        identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list();
    LinkedHashSet<String> emails = new LinkedHashSet<>();
    for (User member : members) {
      String email = member.getEmail();
      if (email == null || email.isBlank()) {
        log.debug("User {} in group {} has no email address", member.getId(), groupId);
      } else {
        emails.add(email.strip());
      }
    }
    return List.copyOf(emails);
  }

  /** Addresses of the members of any of the groups, group by group, without duplicates. */
  public List<String> emailsOfGroups(String... groupIds) {
    LinkedHashSet<String> emails = new LinkedHashSet<>();
    for (String groupId : groupIds) {
      emails.addAll(emailsOfGroup(groupId));
    }
    return List.copyOf(emails);
  }

  /**
   * A contract's officer, copied on a provider's missed deadlines; the commissioning officers when
   * the contract names no officer or the officer has no address, so the news still reaches someone.
   *
   * @param officerId the contract officer's user id; null when none is recorded
   */
  public List<String> officerOrCommissioningOfficers(String officerId) {
    return emailOfUser(officerId)
        .map(List::of)
        .orElseGet(() -> emailsOfGroup(Roles.COMMISSIONING_OFFICERS));
  }

  /** The user's address, or empty if the user does not exist or has none. */
  public Optional<String> emailOfUser(String userId) {
    if (userId == null || userId.isBlank()) {
      return Optional.empty();
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return Optional.ofNullable(user)
        .map(User::getEmail)
        .filter(email -> !email.isBlank())
        .map(String::strip);
  }
}
