package uk.gov.council.commissioning.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which council teams see each process's cases, and which of them read the cases' details ({@code
 * commissioning.access.processes}, documented default in application.yml).
 *
 * <p>Seeing a case means finding it in Cockpit and through {@code /engine-rest} (the instance, its
 * history, its tasks and incidents) and in the application's own lists. Its details are its process
 * variables: what was reported, and in a serious incident, a safeguarding alert or a complaint the
 * service user's or complainant's name, LBB id, contact and what happened to them. The engine can
 * only grant a process's variables all together, so a team that needs none of the personal details
 * gets none of the narrative either; it still reads the variables of the tasks it is given, which
 * is what their forms show.
 *
 * <p>Only council groups may be named: a provider sees its own tasks and nothing else, whatever
 * this says. A team reading the details must also see the cases.
 *
 * @param processes per process definition key, its access
 */
@Validated
@ConfigurationProperties("commissioning.access")
public record AccessProperties(@NotEmpty Map<String, @Valid @NotNull ProcessAccess> processes) {

  public AccessProperties {
    processes = processes == null ? Map.of() : Map.copyOf(processes);
    List<String> problems = problems(processes);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("commissioning.access: " + String.join("; ", problems));
    }
  }

  /**
   * @param cases the teams that see the process's cases
   * @param details the teams that also read the cases' details (personal details where the process
   *     holds them)
   */
  public record ProcessAccess(List<String> cases, List<String> details) {

    public ProcessAccess {
      cases = cases == null ? List.of() : List.copyOf(cases);
      details = details == null ? List.of() : List.copyOf(details);
    }
  }

  /**
   * The access configured for a process; nobody's, for a process the configuration does not name.
   */
  public ProcessAccess of(String processKey) {
    return processes.getOrDefault(processKey, new ProcessAccess(List.of(), List.of()));
  }

  /** Every team that sees the cases of at least one process: these use Cockpit. */
  public Set<String> teamsSeeingCases() {
    Set<String> teams = new LinkedHashSet<>();
    new TreeMap<>(processes).values().forEach(access -> teams.addAll(access.cases()));
    return teams;
  }

  /** Each mistake, naming the process and the group, so one start-up failure lists them all. */
  static List<String> problems(Map<String, ProcessAccess> processes) {
    List<String> problems = new ArrayList<>();
    new TreeMap<>(processes)
        .forEach(
            (key, access) -> {
              if (access == null) {
                return;
              }
              String prefix = "processes." + key;
              for (String group : access.cases()) {
                problem(prefix + ".cases", group).ifPresent(problems::add);
              }
              for (String group : access.details()) {
                problem(prefix + ".details", group).ifPresent(problems::add);
                if (!access.cases().contains(group) && isCouncilGroup(group)) {
                  problems.add(
                      prefix
                          + ".details names "
                          + group
                          + ", which is not in "
                          + prefix
                          + ".cases: a team reading a case's details must see the case");
                }
              }
            });
    return problems;
  }

  private static Optional<String> problem(String property, String group) {
    if (group == null || group.isBlank()) {
      return Optional.of(property + " has an empty group name");
    }
    if (group.equals(Roles.PROVIDERS) || Roles.isProviderGroup(group)) {
      return Optional.of(
          property
              + " names the provider group "
              + group
              + ": providers see only their own tasks and cannot be given cases");
    }
    if (!isCouncilGroup(group)) {
      return Optional.of(
          property
              + " names an unknown group "
              + group
              + " (council groups: "
              + String.join(", ", Roles.COUNCIL_GROUPS.stream().map(Roles.GroupName::id).toList())
              + ")");
    }
    return Optional.empty();
  }

  private static boolean isCouncilGroup(String group) {
    return Roles.COUNCIL_GROUPS.stream().anyMatch(g -> g.id().equals(group));
  }
}
