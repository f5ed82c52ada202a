package uk.gov.council.commissioning.safeguarding;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.safeguarding.SafeguardingAlertList.Entry;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.web.InvalidRequestException;
import uk.gov.council.commissioning.web.PageQuery;

/**
 * The safeguarding alerts, a page at a time, newest concern first (seed 002 §10.4, App C 5.2). An
 * alert is named by the case it was raised from: {@code
 * /api/safeguarding-alerts/COMPLAINT/CP-2026-000001}.
 */
@RestController
@RequestMapping("/api/safeguarding-alerts")
@RequiredArgsConstructor
class SafeguardingAlertController {

  private static final Set<String> SOURCE_TYPES = Set.of("SERIOUS_INCIDENT", "COMPLAINT");

  private final SafeguardingAlertList alerts;

  /** What a list shows of an alert; never the concern itself. */
  record AlertSummary(
      String sourceType,
      String sourceReference,
      String provider,
      String raisedBy,
      Instant awareAt,
      Instant alertDueAt,
      Instant alertedAt,
      boolean late,
      Instant screenedAt,
      String leadOrganisation,
      Boolean section42Enquiry,
      Instant closedAt,
      String status) {

    static AlertSummary of(Entry e) {
      return new AlertSummary(
          e.sourceType(),
          e.sourceReference(),
          e.provider(),
          e.raisedBy(),
          e.awareAt(),
          e.alertDueAt(),
          e.alertedAt(),
          e.late(),
          e.screenedAt(),
          e.leadOrganisation(),
          e.section42Enquiry(),
          e.closedAt(),
          e.status());
    }
  }

  @GetMapping
  @PreAuthorize("@access.seesCases(authentication, 'safeguarding-alert')")
  public ResponseEntity<List<AlertSummary>> list(PageQuery query, Authentication user) {
    return alerts.page(Actor.of(user), query).map(AlertSummary::of).toResponse();
  }

  @GetMapping("/{sourceType}/{sourceReference}")
  @PreAuthorize("@access.seesCases(authentication, 'safeguarding-alert')")
  public AlertSummary get(
      @PathVariable String sourceType, @PathVariable String sourceReference, Authentication user) {
    if (!SOURCE_TYPES.contains(sourceType.trim().toUpperCase(java.util.Locale.ROOT))) {
      throw new InvalidRequestException(
          "sourceType",
          "must be SERIOUS_INCIDENT or COMPLAINT, the kind of case the alert came from");
    }
    return alerts
        .find(Actor.of(user), sourceType, sourceReference)
        .map(AlertSummary::of)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "No safeguarding alert raised from " + sourceReference));
  }
}
