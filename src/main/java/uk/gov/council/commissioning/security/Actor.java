package uk.gov.council.commissioning.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;

/**
 * Who starts a case or completes a step, as far as the rules care: council staff, or a provider's
 * user acting for the organisations whose groups it belongs to. Decided from the user's groups the
 * same way {@link CouncilUser} decides it for the REST API.
 *
 * @param userId the signed-in user; null when the application itself acts (treated as staff)
 * @param provider whether the user belongs to the providers group or any provider organisation's
 *     group
 * @param organisationGroups the provider organisation groups the user acts for (empty for staff)
 */
public record Actor(String userId, boolean provider, Set<String> organisationGroups) {

  public Actor {
    organisationGroups = Set.copyOf(organisationGroups);
  }

  /**
   * Membership of any provider organisation's group counts as well as the providers group, so a
   * user left out of one of the two is restricted rather than treated as staff.
   */
  public static Actor of(String userId, Collection<String> groups) {
    boolean provider =
        groups.stream().anyMatch(g -> g.equals(Roles.PROVIDERS) || Roles.isProviderGroup(g));
    return new Actor(
        userId,
        provider,
        groups.stream().filter(Roles::isProviderGroup).collect(Collectors.toUnmodifiableSet()));
  }

  /** The signed-in user, from its Camunda groups (the {@code GROUP_<id>} authorities). */
  public static Actor of(Authentication user) {
    return of(user == null ? null : user.getName(), CouncilUser.groups(user));
  }

  /** The application itself, with nobody signed in. */
  public static Actor engine() {
    return new Actor(null, false, Set.of());
  }

  public boolean actsFor(String organisationGroup) {
    return organisationGroups.contains(organisationGroup);
  }
}
