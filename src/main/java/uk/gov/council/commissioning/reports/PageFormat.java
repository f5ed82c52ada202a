package uk.gov.council.commissioning.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import uk.gov.council.commissioning.security.Roles;

/**
 * What page templates call as {@code fmt}: times, days, council teams and codes written the way the
 * report pages write them. One for every page ({@link ReportPage#prepare}), so that no page carries
 * its own copy.
 */
public final class PageFormat {

  static final PageFormat INSTANCE = new PageFormat();

  private PageFormat() {}

  public String time(Instant moment) {
    return ReportFormat.time(moment);
  }

  public String day(LocalDate day) {
    return ReportFormat.day(day);
  }

  /** A council team's name from its group id; another group's id as it is. */
  public String team(String groupId) {
    return Roles.COUNCIL_GROUPS.stream()
        .filter(g -> g.id().equals(groupId))
        .map(Roles.GroupName::name)
        .findFirst()
        .orElse(groupId);
  }

  /** A code such as {@code NEW_CONTRACT} as words: "new contract". */
  public String words(String code) {
    return code == null ? null : code.replace('_', ' ').toLowerCase(Locale.ROOT);
  }
}
