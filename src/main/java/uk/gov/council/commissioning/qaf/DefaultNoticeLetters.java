package uk.gov.council.commissioning.qaf;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.letters.LetterPdf;

/**
 * Produces the default notice letter for an improvement plan that found no improvement (seed 001
 * 3.3 §3.4: "could lead to the issue of a default notice") and keeps it, once per plan: a retried
 * job finds the stored letter rather than writing another with a new date.
 */
@Service
@RequiredArgsConstructor
class DefaultNoticeLetters {

  private final JdbcClient jdbc;

  /** The plan's notice: the stored one if it exists, otherwise a new one, stored now. */
  @Transactional
  public DefaultNotice produceOnce(ImprovementPlan plan, Instant now) {
    Optional<DefaultNotice> existing = findByPlan(plan.id());
    if (existing.isPresent()) {
      return existing.get();
    }
    DefaultNotice notice =
        new DefaultNotice(
            plan.id(),
            "Default notice "
                + plan.contractReference().replace('/', '-')
                + " "
                + plan.objective()
                + ".pdf",
            render(plan, now),
            now);
    jdbc.sql(
            "INSERT INTO qaf_default_notice (plan_id, file_name, content, created_at)"
                + " VALUES (:planId, :fileName, :content, :createdAt)")
        .param("planId", notice.planId())
        .param("fileName", notice.fileName())
        .param("content", notice.content())
        .param("createdAt", Timestamp.from(notice.createdAt()))
        .update();
    return notice;
  }

  public Optional<DefaultNotice> findByPlan(long planId) {
    return jdbc.sql(
            "SELECT plan_id, file_name, content, created_at FROM qaf_default_notice WHERE plan_id = :planId")
        .param("planId", planId)
        .query(
            (rs, n) ->
                new DefaultNotice(
                    rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getTimestamp(4).toInstant()))
        .optional();
  }

  /** The letter's text, paragraph by paragraph; also the body of the email that carries it. */
  static List<String> paragraphs(ImprovementPlan plan, Instant date) {
    List<String> p =
        LetterPdf.opening(
            date.atZone(WorkingDayCalendar.UK).toLocalDate(),
            plan.providerName(),
            plan.contractReference(),
            plan.contractTitle());
    p.add(
        "Default notice. Your Quality Assessment Framework return "
            + plan.qafNumber()
            + " graded core objective "
            + plan.objective()
            + " as D. You were required to produce an improvement plan, which the Council reviewed"
            + " and validated after a further period of one month. The validation found no improvement.");
    if (plan.validationFindings() != null) {
      p.add("Findings: " + plan.validationFindings());
    }
    p.add(
        "The Contracts Manager has reported this to the Core Strategy Group, which has decided that a default"
            + " notice be issued under the default provisions of the contract.");
    if (plan.defaultNoticeReasons() != null) {
      p.add("Reasons: " + plan.defaultNoticeReasons());
    }
    p.add(
        "The Council requires you to remedy this default. Your contract manager will contact you about the"
            + " steps required and the period for remedy set by the contract.");
    p.add("Yours faithfully,");
    p.add("Commissioning and Contract Management, Adult Social Care");
    return p;
  }

  static byte[] render(ImprovementPlan plan, Instant date) {
    return LetterPdf.render(
        "Default notice " + plan.caseReference(), paragraphs(plan, date), "default notice");
  }
}
