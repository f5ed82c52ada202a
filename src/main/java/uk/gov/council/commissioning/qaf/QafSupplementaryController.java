package uk.gov.council.commissioning.qaf;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
import uk.gov.council.commissioning.cases.CaseStarts;
import uk.gov.council.commissioning.qaf.QafSupplementaries.Supplementary;
import uk.gov.council.commissioning.security.CouncilUser;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * The supplementary QAF of a financial year (seed 001 Part 3.3 §2): proposed by a contracts
 * manager, approved or not by the Core Strategy Group in its task.
 */
@RestController
@RequestMapping("/api/qafs/supplementary")
@RequiredArgsConstructor
class QafSupplementaryController {

  public record SupplementaryRequest(Object financialYear, String title, String objectives) {}

  private final CaseStarts cases;
  private final QafSupplementaries supplementaries;

  @PostMapping
  @PreAuthorize("@access.mayStart(authentication, 'qaf-supplementary')")
  public ResponseEntity<Supplementary> propose(
      @RequestBody(required = false) SupplementaryRequest request, Authentication user) {
    InvalidRequestException.requireBody(request, "a supplementary QAF proposal is required");
    Map<String, Object> variables = new HashMap<>();
    variables.put("financialYear", request.financialYear());
    variables.put("title", request.title());
    variables.put("objectives", request.objectives());
    variables.put("proposedBy", user.getName());
    String reference =
        (String)
            cases
                .start(
                    QafSupplementaries.PROCESS_KEY,
                    null,
                    variables,
                    user.getName(),
                    CouncilUser.groups(user),
                    supplementaries::checkProposal)
                .getVariables()
                .get("supplementaryReference");
    Supplementary created = supplementaries.find(reference).orElseThrow();
    return ResponseEntity.created(URI.create("/api/qafs/supplementary/" + reference)).body(created);
  }

  @GetMapping("/{reference}")
  @PreAuthorize(
      "@access.staffIn(authentication, 'contracts-managers', 'core-strategy-group',"
          + " 'commissioning-officers')")
  public Supplementary get(@PathVariable String reference) {
    return supplementaries
        .find(reference.trim().toUpperCase(Locale.ROOT))
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "No supplementary QAF " + reference));
  }
}
