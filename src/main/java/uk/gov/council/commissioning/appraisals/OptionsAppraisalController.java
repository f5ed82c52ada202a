package uk.gov.council.commissioning.appraisals;

import java.net.URI;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import uk.gov.council.commissioning.web.PageQuery;

/**
 * Options-appraisal decision reports (seed 003; seed 000 §4.8): submit one (which starts its case),
 * read its public part and decision notice (council staff), and read its confidential annex (only
 * the council teams the report names; 403 for anyone else, providers included).
 */
@RestController
@RequestMapping("/api/options-appraisals")
@RequiredArgsConstructor
class OptionsAppraisalController {

  private final OptionsAppraisals appraisals;

  @PostMapping
  @PreAuthorize("@access.mayStart(authentication, 'options-appraisal')")
  public ResponseEntity<OptionsAppraisals.View> create(
      @RequestBody(required = false) AppraisalRequest report, Authentication user) {
    OptionsAppraisals.View view = appraisals.create(report, user);
    return ResponseEntity.created(URI.create("/api/options-appraisals/" + view.reference()))
        .body(view);
  }

  @GetMapping
  @PreAuthorize("@access.councilStaff(authentication)")
  public ResponseEntity<List<OptionsAppraisals.Summary>> list(PageQuery query) {
    return appraisals.page(query).toResponse();
  }

  @GetMapping("/{reference}")
  @PreAuthorize("@access.councilStaff(authentication)")
  public OptionsAppraisals.View one(@PathVariable String reference) {
    return appraisals.view(reference).orElseThrow(() -> notFound(reference));
  }

  @GetMapping("/{reference}/annex")
  @PreAuthorize("@access.councilStaff(authentication)")
  public OptionsAppraisals.Annex annex(@PathVariable String reference, Authentication user) {
    return appraisals.annex(reference, user).orElseThrow(() -> notFound(reference));
  }

  @GetMapping("/{reference}/decision-notice")
  @PreAuthorize("@access.councilStaff(authentication)")
  public ResponseEntity<byte[]> decisionNotice(@PathVariable String reference) {
    byte[] pdf = appraisals.decisionNotice(reference).orElseThrow(() -> notFound(reference));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "inline; filename=\"decision-notice-" + reference + ".pdf\"")
        .body(pdf);
  }

  private static ResponseStatusException notFound(String reference) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "No options appraisal " + reference);
  }
}
