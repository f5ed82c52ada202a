package uk.gov.council.commissioning.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who sees which cases, and whose details, in one place for the engine's authorizations ({@link
 * AccessSetup}) and the application's own REST API: council teams per {@code commissioning.access},
 * a provider's users the cases of their own organisation, the administrator everything.
 */
@Component
public class CaseAccess {

  private static final Logger log = LoggerFactory.getLogger(CaseAccess.class);

  /** What a user may see of one case. */
  public enum Sight {
    /** Not the case at all. */
    NOTHING,
    /** That the case exists and its register facts: numbers, dates, deadlines, status. */
    CASE,
    /** The case and its details, personal details included. */
    DETAILS;

    public boolean seesCase() {
      return this != NOTHING;
    }

    public boolean seesDetails() {
      return this == DETAILS;
    }
  }

  private final AccessProperties properties;

  public CaseAccess(AccessProperties properties, ManagementService management) {
    this.properties = properties;
    Set<String> deployed = deployedProcessKeys(management);
    List<String> unknown = unknownProcesses(properties.processes().keySet(), deployed);
    if (!unknown.isEmpty()) {
      throw new IllegalStateException(
          "commissioning.access.processes names processes that are not deployed: "
              + String.join(", ", unknown)
              + " (deployed: "
              + String.join(", ", deployed)
              + ")");
    }
    deployed.stream()
        .filter(key -> !properties.processes().containsKey(key))
        .forEach(
            key ->
                log.warn(
                    "commissioning.access.processes does not name process {}: only administrators see its cases",
                    key));
  }

  /**
   * The keys of the deployed processes, read from the definitions' table: the engine's definition
   * query would parse every model again to fill in the descriptions, which at startup cost more
   * than anything else here.
   */
  static Set<String> deployedProcessKeys(ManagementService management) {
    Set<String> keys = new TreeSet<>();
    management
        .createTablePageQuery()
        .tableName(management.getTableName(ProcessDefinition.class))
        .listPage(0, Integer.MAX_VALUE)
        .getRows()
        .forEach(row -> keys.add(String.valueOf(column(row, "KEY_"))));
    return keys;
  }

  /** A column of a table page's row, whatever case the database gives its name in. */
  static Object column(Map<String, Object> row, String name) {
    return row.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no column " + name + " in " + row.keySet()));
  }

  static List<String> unknownProcesses(Collection<String> configured, Collection<String> deployed) {
    return configured.stream().filter(key -> !deployed.contains(key)).sorted().toList();
  }

  public AccessProperties properties() {
    return properties;
  }

  /**
   * What the user may see of a case of the process.
   *
   * @param owningOrganisationGroup the provider organisation whose case it is, if a provider may
   *     see it at all (its own report); null when no provider may
   */
  public Sight sight(Authentication user, String processKey, String owningOrganisationGroup) {
    if (CouncilUser.isProvider(user)) {
      return ProviderScope.sees(user, owningOrganisationGroup) ? Sight.DETAILS : Sight.NOTHING;
    }
    return staffSight(CouncilUser.groups(user), processKey);
  }

  /** Whether a council user sees the process's cases at all (providers: never through this). */
  public boolean maySeeCases(Authentication user, String processKey) {
    return !CouncilUser.isProvider(user)
        && staffSight(CouncilUser.groups(user), processKey).seesCase();
  }

  /** Whether the user belongs to a team that sees some process's cases, and so has Cockpit. */
  public boolean mayUseCockpit(Authentication user) {
    if (CouncilUser.isProvider(user)) {
      return false;
    }
    List<String> groups = CouncilUser.groups(user);
    return groups.contains(Roles.ADMIN)
        || groups.stream().anyMatch(properties.teamsSeeingCases()::contains);
  }

  /**
   * The names of the teams that see the process's cases, for a refusal that tells the user whom to
   * ask.
   */
  public String teamsSeeing(String processKey) {
    List<String> teams = properties.of(processKey).cases();
    return teams.isEmpty() ? "administrators" : String.join(", ", teams) + " and administrators";
  }

  Sight staffSight(Collection<String> groups, String processKey) {
    if (groups.contains(Roles.ADMIN)) {
      return Sight.DETAILS;
    }
    AccessProperties.ProcessAccess access = properties.of(processKey);
    if (groups.stream().anyMatch(access.details()::contains)) {
      return Sight.DETAILS;
    }
    if (groups.stream().anyMatch(access.cases()::contains)) {
      return Sight.CASE;
    }
    return Sight.NOTHING;
  }
}
