package uk.gov.council.commissioning.incidents;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import uk.gov.council.commissioning.security.Roles;

/**
 * Who reported or logged an incident: a provider's user, who may report only for its own
 * organisation's contracts, or council staff. Decided from the user's groups the same way
 * {@link uk.gov.council.commissioning.security.CouncilUser} decides it for the REST API.
 *
 * @param userId the signed-in user; null when the case was started by the application itself
 * @param organisationGroups the provider organisation groups the user acts for (empty for staff)
 */
public record Reporter(String userId, boolean provider, Set<String> organisationGroups) {

  public Reporter {
    organisationGroups = Set.copyOf(organisationGroups);
  }

  public static Reporter of(String userId, Collection<String> groups) {
    boolean provider = groups.stream().anyMatch(g -> g.equals(Roles.PROVIDERS) || Roles.isProviderGroup(g));
    Set<String> organisations = groups.stream().filter(Roles::isProviderGroup).collect(Collectors.toSet());
    return new Reporter(userId, provider, organisations);
  }

  public boolean actsFor(String organisationGroup) {
    return organisationGroups.contains(organisationGroup);
  }
}
