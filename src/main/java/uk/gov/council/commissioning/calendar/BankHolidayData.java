package uk.gov.council.commissioning.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Published bank holidays in the format of GOV.UK's bank-holidays.json.
 *
 * <p>A nation's data covers every year from its first listed holiday to its last: GOV.UK lists
 * whole years, so a covered year with no entry on some date means that date is not a holiday.
 */
public final class BankHolidayData {

  static final String BUNDLED_RESOURCE = "calendar/bank-holidays.json";

  private final Map<Nation, NavigableMap<Integer, Set<LocalDate>>> byNation;

  private BankHolidayData(Map<Nation, NavigableMap<Integer, Set<LocalDate>>> byNation) {
    this.byNation = byNation;
  }

  /** The data shipped with the application. */
  public static BankHolidayData bundled() {
    try (InputStream in =
        BankHolidayData.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "Bank holiday data " + BUNDLED_RESOURCE + " is missing from the classpath");
      }
      return fromJson(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + BUNDLED_RESOURCE, e);
    }
  }

  /** Reads a document in GOV.UK's format; a division that is absent simply covers no years. */
  public static BankHolidayData fromJson(InputStream json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    if (root == null || !root.isObject()) {
      throw new IOException("Bank holiday data is not a JSON object");
    }
    Map<Nation, NavigableMap<Integer, Set<LocalDate>>> byNation = new EnumMap<>(Nation.class);
    for (Nation nation : Nation.values()) {
      NavigableMap<Integer, Set<LocalDate>> byYear = new TreeMap<>();
      for (JsonNode event : root.path(nation.division()).path("events")) {
        LocalDate date = parseDate(event.path("date").asText(), nation);
        byYear.computeIfAbsent(date.getYear(), y -> new TreeSet<>()).add(date);
      }
      if (!byYear.isEmpty()) {
        for (int year = byYear.firstKey(); year <= byYear.lastKey(); year++) {
          byYear.computeIfAbsent(year, y -> new TreeSet<>());
        }
        byYear.replaceAll((year, dates) -> Collections.unmodifiableSet(dates));
      }
      byNation.put(nation, Collections.unmodifiableNavigableMap(byYear));
    }
    return new BankHolidayData(byNation);
  }

  private static LocalDate parseDate(String text, Nation nation) throws IOException {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IOException(
          "Bank holiday data for " + nation.division() + " has an invalid date '" + text + "'", e);
    }
  }

  public boolean covers(Nation nation, int year) {
    return byNation.get(nation).containsKey(year);
  }

  /**
   * The published holidays of {@code nation} in {@code year}, or empty when the year is not
   * covered.
   */
  public Optional<Set<LocalDate>> holidays(Nation nation, int year) {
    return Optional.ofNullable(byNation.get(nation).get(year));
  }
}
