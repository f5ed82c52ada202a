package uk.gov.council.commissioning.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What a signed-in user may see, from its Camunda groups (carried as {@code GROUP_<id>}
 * authorities). The one place the application decides "council staff or provider, and which".
 */
public final class CouncilUser {

  private CouncilUser() {}

  /** The user's Camunda group ids. */
  public static List<String> groups(Authentication user) {
    if (user == null || !user.isAuthenticated()) {
      return List.of();
    }
    return user.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(Roles.AUTHORITY_PREFIX))
        .map(a -> a.substring(Roles.AUTHORITY_PREFIX.length()))
        .toList();
  }

  /**
   * Provider staff see only their own organisations' work. Membership of any provider
   * organisation's group counts as well as the providers group, so a user left out of one of the
   * two is restricted rather than shown everything.
   */
  public static boolean isProvider(Authentication user) {
    return groups(user).stream()
        .anyMatch(g -> g.equals(Roles.PROVIDERS) || Roles.isProviderGroup(g));
  }

  /**
   * A member of a council team (or the administrator) who is not also a provider. Someone in no
   * group at all is neither council staff nor a provider, and should be shown nothing.
   */
  public static boolean isCouncilStaff(Authentication user) {
    if (isProvider(user)) {
      return false;
    }
    return groups(user).stream().anyMatch(g -> g.equals(Roles.ADMIN) || Roles.isCouncilGroup(g));
  }

  /** The provider organisation groups the user acts for, e.g. provider-vibrance. */
  public static Set<String> providerGroups(Authentication user) {
    return groups(user).stream()
        .filter(Roles::isProviderGroup)
        .collect(Collectors.toUnmodifiableSet());
  }

  public static boolean isInAny(Authentication user, Collection<String> groupIds) {
    return groups(user).stream().anyMatch(groupIds::contains);
  }
}
