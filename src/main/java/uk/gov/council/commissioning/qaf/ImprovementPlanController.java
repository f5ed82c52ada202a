package uk.gov.council.commissioning.qaf;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.letters.PdfDownload;
import uk.gov.council.commissioning.security.ProviderScope;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * Improvement plans for QAF standards graded "D" (seed 001 3.3 §3.4) and their default notices.
 * Council staff see every plan; a provider's users only their own organisation's, and anything else
 * is answered as not found, so a provider cannot learn that another's plan exists.
 */
@RestController
@PreAuthorize("isAuthenticated()")
@RequestMapping("/api/qaf-improvement-plans")
@RequiredArgsConstructor
class ImprovementPlanController {

  private final ImprovementPlanRegister register;
  private final DefaultNoticeLetters letters;

  public record PlanSummary(
      long id,
      String caseReference,
      String qafNumber,
      int financialYear,
      String objective,
      String contractReference,
      String contractTitle,
      String providerName,
      String status,
      Instant planDueAt,
      Instant submittedAt,
      int timesSentBack,
      Instant acceptedAt,
      Instant validationDueAt,
      Instant validatedAt,
      String outcome,
      String newGrade,
      Instant reportedToCsgAt,
      Boolean defaultNotice,
      Instant closedAt) {

    static PlanSummary of(ImprovementPlan p) {
      return new PlanSummary(
          p.id(),
          p.caseReference(),
          p.qafNumber(),
          p.financialYear(),
          p.objective(),
          p.contractReference(),
          p.contractTitle(),
          p.providerName(),
          p.status(),
          p.planDueAt(),
          p.submittedAt(),
          p.timesSentBack(),
          p.acceptedAt(),
          p.validationDueAt(),
          p.validatedAt(),
          p.outcome(),
          p.newGrade(),
          p.reportedToCsgAt(),
          p.defaultNotice(),
          p.closedAt());
    }
  }

  /**
   * Open to every signed-in user (the class's rule): a provider's user gets only its own
   * organisations' plans ({@code ProviderScope}).
   *
   * @param status OPEN or CLOSED; all plans when absent
   */
  @GetMapping
  public List<PlanSummary> list(
      @RequestParam(required = false) String status, Authentication user) {
    String wanted =
        status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
    if (wanted != null
        && !wanted.equals(ImprovementPlan.OPEN)
        && !wanted.equals(ImprovementPlan.CLOSED)) {
      throw new InvalidRequestException("status", "must be OPEN or CLOSED");
    }
    return ProviderScope.visible(
            user, groups -> register.find(wanted, groups), () -> register.find(wanted, null))
        .stream()
        .map(PlanSummary::of)
        .toList();
  }

  /**
   * Open to every signed-in user (the class's rule): a provider's user gets only its own
   * organisations' notices ({@code ProviderScope}); another's answers 404.
   */
  @GetMapping("/{id}/default-notice")
  public ResponseEntity<byte[]> defaultNotice(@PathVariable long id, Authentication user) {
    DefaultNotice notice =
        register
            .findById(id)
            .filter(plan -> ProviderScope.sees(user, plan.organisationGroup()))
            .flatMap(plan -> letters.findByPlan(plan.id()))
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "No default notice for plan " + id));
    return PdfDownload.of(notice.fileName(), notice.content());
  }
}
