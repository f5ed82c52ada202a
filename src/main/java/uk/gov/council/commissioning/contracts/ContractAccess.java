package uk.gov.council.commissioning.contracts;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who may see and add which contracts. Authorities are {@code GROUP_} followed by a Camunda
 * group id.
 */
final class ContractAccess {

  static final String AUTHORITY_PREFIX = "GROUP_";
  static final String PROVIDERS = AUTHORITY_PREFIX + "providers";
  /** A provider organisation's own group, e.g. GROUP_provider-vibrance. */
  static final String PROVIDER_ORGANISATION_PREFIX = AUTHORITY_PREFIX + "provider-";

  private static final Set<String> MAY_CREATE =
      Set.of(
          AUTHORITY_PREFIX + "contracts-managers",
          AUTHORITY_PREFIX + "commissioning-officers",
          AUTHORITY_PREFIX + "camunda-admin");

  private ContractAccess() {}

  /**
   * Provider staff see only their own organisation's contracts. Membership of any provider
   * organisation's group counts as well as the providers group, so a user left out of one of the
   * two groups is restricted rather than shown everything.
   */
  static boolean isProviderUser(Authentication auth) {
    return authorities(auth).stream()
        .anyMatch(a -> a.equals(PROVIDERS) || a.startsWith(PROVIDER_ORGANISATION_PREFIX));
  }

  /** The Camunda groups of the provider organisations the user acts for, e.g. provider-vibrance. */
  static Set<String> providerGroups(Authentication auth) {
    return authorities(auth).stream()
        .filter(a -> a.startsWith(PROVIDER_ORGANISATION_PREFIX))
        .map(a -> a.substring(AUTHORITY_PREFIX.length()))
        .collect(Collectors.toUnmodifiableSet());
  }

  static boolean canSee(Authentication auth, Contract contract) {
    return !isProviderUser(auth)
        || providerGroups(auth).contains(contract.provider().organisationGroup());
  }

  static boolean mayCreate(Authentication auth) {
    return authorities(auth).stream().anyMatch(MAY_CREATE::contains);
  }

  private static Set<String> authorities(Authentication auth) {
    if (auth == null || !auth.isAuthenticated()) {
      return Set.of();
    }
    Collection<? extends GrantedAuthority> granted = auth.getAuthorities();
    return granted.stream()
        .map(GrantedAuthority::getAuthority)
        .collect(Collectors.toUnmodifiableSet());
  }
}
