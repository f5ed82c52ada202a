package uk.gov.council.commissioning.complaints;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import uk.gov.council.commissioning.security.Roles;

/**
 * Who records a complaint or completes a step, as far as the rules care: council staff, or a
 * provider's user acting for the organisations whose groups it belongs to.
 *
 * @param userId null when the engine itself starts the case (no signed-in user): treated as staff
 */
public record Recorder(String userId, boolean provider, Set<String> providerGroups) {

  public Recorder {
    providerGroups = Set.copyOf(providerGroups);
  }

  /**
   * Membership of any provider organisation's group counts as well as the providers group, so a
   * user left out of one of the two is restricted rather than treated as staff (as CouncilUser).
   */
  public static Recorder of(String userId, Collection<String> groups) {
    boolean provider = groups.stream().anyMatch(g -> g.equals(Roles.PROVIDERS) || Roles.isProviderGroup(g));
    return new Recorder(userId, provider,
        groups.stream().filter(Roles::isProviderGroup).collect(Collectors.toUnmodifiableSet()));
  }

  public static Recorder engine() {
    return new Recorder(null, false, Set.of());
  }
}
