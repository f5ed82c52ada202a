package uk.gov.council.commissioning.complaints;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.complaints.ComplaintResponses.ComplaintDetails;
import uk.gov.council.commissioning.complaints.ComplaintResponses.ComplaintSummary;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.CaseAccess;
import uk.gov.council.commissioning.security.CouncilUser;
import uk.gov.council.commissioning.web.PageQuery;

/** Records complaints and shows their deadlines, acknowledgement, resolution and breaches. */
@RestController
@PreAuthorize("isAuthenticated()")
@RequestMapping("/api/complaints")
@RequiredArgsConstructor
class ComplaintController {

  private final ComplaintCaseService cases;
  private final ComplaintService complaints;
  private final CaseAccess access;

  /**
   * Council staff record complaints to the council or for a provider to handle; a provider's users
   * record the complaints they received, about their own contracts. Checked in full before the case
   * starts, so every wrong field is reported in one answer and nothing is created.
   */
  @PostMapping
  @PreAuthorize("@access.mayStart(authentication, 'complaint')")
  public ResponseEntity<ComplaintDetails> record(
      @RequestBody(required = false) ComplaintRequest request, Authentication user) {
    Complaint created = cases.start(request, user.getName(), CouncilUser.groups(user));
    return ResponseEntity.created(URI.create("/api/complaints/" + created.number()))
        .body(
            ComplaintDetails.of(
                created, complaints.breachesOf(created), complaints.seriousIncidentOf(created)));
  }

  @GetMapping
  @PreAuthorize("@access.seesCases(authentication, 'complaint')")
  public ResponseEntity<List<ComplaintSummary>> list(PageQuery query, Authentication user) {
    return cases.pageVisibleTo(Actor.of(user), query).map(ComplaintSummary::of).toResponse();
  }

  @GetMapping("/{number}")
  @PreAuthorize("@access.seesCases(authentication, 'complaint')")
  public ComplaintDetails get(@PathVariable String number, Authentication user) {
    Complaint complaint =
        cases
            .find(number.trim().toUpperCase(Locale.ROOT), Actor.of(user))
            .orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No complaint " + number));
    return ComplaintDetails.of(
        complaint, complaints.breachesOf(complaint), complaints.seriousIncidentOf(complaint));
  }
}
