package uk.gov.council.commissioning.qaf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;

/**
 * The yearly check of seed 001 3.3 §3.2 ("the Contracts Manager will review 2 QAFs per Purchasing
 * Officer per annum"): per financial year and reviewing officer, how many QAFs were completed, how
 * many were put forward for moderation and how many were moderated, against the target. A QAF
 * counts as completed once its grades are agreed.
 */
@Service
@RequiredArgsConstructor
class QafModerationQuota {

  private final JdbcClient jdbc;

  /** One moderated (or awaiting moderation) QAF. */
  public record Moderation(
      String qafNumber,
      String providerName,
      String contractReference,
      String outcome,
      String findings,
      String moderatedBy,
      Instant moderatedAt) {}

  /**
   * @param completed QAFs of this officer in the year whose grades are agreed
   * @param putForward QAFs put forward for moderation (at most the target)
   * @param moderated of those, moderated by a contracts manager
   * @param shortfall how many more moderations the target needs
   * @param targetMet whether {@code moderated} reached the target
   * @param targetAttainable whether the officer completed enough QAFs for the target to be met at
   *     all
   */
  public record OfficerQuota(
      String reviewingOfficer,
      int completed,
      int putForward,
      int moderated,
      int confirmed,
      int adjusted,
      int target,
      int shortfall,
      boolean targetMet,
      boolean targetAttainable,
      List<Moderation> moderations) {}

  public record YearQuota(
      int financialYear, String financialYearLabel, int target, List<OfficerQuota> officers) {}

  /**
   * The council's financial year (1 April to 31 March, UK) a moment falls in, by its first calendar
   * year.
   */
  public static int financialYearOf(Instant instant) {
    LocalDate day = instant.atZone(WorkingDayCalendar.UK).toLocalDate();
    return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
  }

  /** 2026 -> "2026/27". */
  public static String label(int financialYear) {
    return financialYear + "/" + String.format("%02d", (financialYear + 1) % 100);
  }

  @Transactional(readOnly = true)
  public YearQuota forYear(int financialYear) {
    int target = QafModeration.PER_OFFICER_PER_YEAR;
    Map<String, Integer> completed = new TreeMap<>();
    jdbc.sql(
            """
            SELECT reviewing_officer, COUNT(*) FROM qaf_assessment
             WHERE financial_year = :year AND reviewing_officer IS NOT NULL
               AND (status = 'AGREED' OR grades_agreed_at IS NOT NULL)
             GROUP BY reviewing_officer
            """)
        .param("year", financialYear)
        .query((rs, n) -> completed.put(rs.getString(1), rs.getInt(2)))
        .list();
    Map<String, List<Moderation>> moderations = new TreeMap<>();
    jdbc.sql(
            """
            SELECT m.reviewing_officer, q.qaf_number, p.name, c.reference, m.outcome, m.findings,
                   m.moderated_by, m.moderated_at
              FROM qaf_moderation m
              JOIN qaf_assessment q ON q.id = m.assessment_id
              JOIN contract c ON c.id = q.contract_id
              JOIN provider p ON p.id = q.provider_id
             WHERE m.financial_year = :year
             ORDER BY m.reviewing_officer, q.qaf_number
            """)
        .param("year", financialYear)
        .query(
            (rs, n) -> {
              OffsetDateTime at = rs.getObject(8, OffsetDateTime.class);
              return moderations
                  .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                  .add(
                      new Moderation(
                          rs.getString(2),
                          rs.getString(3),
                          rs.getString(4),
                          rs.getString(5),
                          rs.getString(6),
                          rs.getString(7),
                          at == null ? null : at.toInstant()));
            })
        .list();
    Map<String, Boolean> officers = new TreeMap<>();
    completed.keySet().forEach(o -> officers.put(o, true));
    moderations.keySet().forEach(o -> officers.put(o, true));
    List<OfficerQuota> result = new ArrayList<>();
    for (String officer : officers.keySet()) {
      List<Moderation> ms = moderations.getOrDefault(officer, List.of());
      int done = completed.getOrDefault(officer, 0);
      int moderated = (int) ms.stream().filter(m -> m.moderatedAt() != null).count();
      int confirmed = (int) ms.stream().filter(m -> "CONFIRMED".equals(m.outcome())).count();
      int adjusted = (int) ms.stream().filter(m -> "ADJUSTED".equals(m.outcome())).count();
      result.add(
          new OfficerQuota(
              officer,
              done,
              ms.size(),
              moderated,
              confirmed,
              adjusted,
              target,
              Math.max(0, target - moderated),
              moderated >= target,
              Math.max(done, ms.size()) >= target,
              List.copyOf(ms)));
    }
    return new YearQuota(financialYear, label(financialYear), target, List.copyOf(result));
  }
}
