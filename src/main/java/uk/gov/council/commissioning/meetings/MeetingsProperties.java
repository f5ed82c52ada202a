package uk.gov.council.commissioning.meetings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Contract management meetings, {@code commissioning.meetings} (seed 001 Part 3.1 §1-§2). The seed
 * names only RED and leaves the levels and their frequencies to the Service Standards Document, so
 * both are the council's choice; the default is in application.yml and the README.
 *
 * @param priorityLevels each priority level and its contract management meetings a year, in the
 *     order officers see them; a number that divides twelve, so meetings fall at even intervals
 * @param defaultPriority the level of a contract nobody has given one
 * @param scheduleCron when next year's schedule is drafted (§1: "each December"); "-" never
 * @param leadWorkingDays the lead purchasing officer adjusts the draft within this many working
 *     days
 * @param csgWorkingDays the Core Strategy Group answers within this many working days
 * @param monitoringCron when last month's planned and held meetings go to the contracts managers
 *     (§2: "each month"); "-" never
 */
@Validated
@ConfigurationProperties("commissioning.meetings")
public record MeetingsProperties(
    Map<String, Integer> priorityLevels,
    @NotBlank(message = "commissioning.meetings.default-priority is required")
        @DefaultValue("GREEN")
        String defaultPriority,
    @NotBlank(message = "commissioning.meetings.schedule-cron is required")
        @DefaultValue("0 0 7 1 12 *")
        String scheduleCron,
    @Positive(message = "commissioning.meetings.lead-working-days must be at least 1")
        @DefaultValue("10")
        int leadWorkingDays,
    @Positive(message = "commissioning.meetings.csg-working-days must be at least 1")
        @DefaultValue("10")
        int csgWorkingDays,
    @NotBlank(message = "commissioning.meetings.monitoring-cron is required")
        @DefaultValue("0 0 7 1 * *")
        String monitoringCron) {

  private static final Pattern LEVEL = Pattern.compile("[A-Z][A-Z0-9_]{0,19}");
  private static final Set<Integer> EVEN_INTERVALS = Set.of(1, 2, 3, 4, 6, 12);

  public MeetingsProperties {
    priorityLevels =
        priorityLevels == null || priorityLevels.isEmpty()
            ? defaultLevels()
            : new LinkedHashMap<>(priorityLevels);
    List<String> problems = new ArrayList<>();
    priorityLevels.forEach(
        (level, perYear) -> {
          if (!LEVEL.matcher(level).matches()) {
            problems.add(
                "priority level "
                    + level
                    + " must be capital letters, digits or _, at most 20 characters");
          }
          if (perYear == null || !EVEN_INTERVALS.contains(perYear)) {
            problems.add(
                "priority level "
                    + level
                    + " must have 1, 2, 3, 4, 6 or 12 meetings a year, not "
                    + perYear);
          }
        });
    if (defaultPriority != null && !priorityLevels.containsKey(defaultPriority)) {
      problems.add(
          "default-priority "
              + defaultPriority
              + " is not one of the priority levels "
              + priorityLevels.keySet());
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("commissioning.meetings: " + String.join("; ", problems));
    }
    priorityLevels = java.util.Collections.unmodifiableMap(priorityLevels);
  }

  /** GREEN yearly, AMBER half-yearly, RED quarterly: the default the README states. */
  private static Map<String, Integer> defaultLevels() {
    Map<String, Integer> levels = new LinkedHashMap<>();
    levels.put("GREEN", 1);
    levels.put("AMBER", 2);
    levels.put("RED", 4);
    return levels;
  }

  /** Meetings a year at {@code level}, which must be configured. */
  public int meetingsAYear(String level) {
    Integer perYear = priorityLevels.get(level);
    if (perYear == null) {
      throw new IllegalArgumentException("priority level " + level + " is not configured");
    }
    return perYear;
  }

  public boolean isConfigured(String level) {
    return level != null && priorityLevels.containsKey(level);
  }
}
