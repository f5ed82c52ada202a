package uk.gov.council.commissioning.extension;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.letters.PdfDownload;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.CouncilUser;

/** Starts extension cases and hands out their letters over REST. */
@RestController
@PreAuthorize("isAuthenticated()")
@RequestMapping("/api/contracts/{reference}")
@RequiredArgsConstructor
class ExtensionController {

  private final ExtensionCaseService cases;
  private final ExtensionLetterService letters;
  private final ContractService contracts;

  public record StartedCase(String caseId, String contractReference, String processDefinitionKey) {}

  public record LetterSummary(String caseId, String fileName, String createdAt, String href) {}

  @PostMapping("/extension-cases")
  @PreAuthorize("@access.mayStart(authentication, 'contract-extension')")
  public ResponseEntity<StartedCase> start(@PathVariable String reference, Authentication user) {
    ProcessInstance instance = cases.start(reference, user.getName(), CouncilUser.groups(user));
    StartedCase body =
        new StartedCase(
            instance.getId(), instance.getBusinessKey(), ExtensionVariables.PROCESS_KEY);
    return ResponseEntity.created(URI.create("/engine-rest/process-instance/" + instance.getId()))
        .body(body);
  }

  /**
   * Open to every signed-in user (the class's rule): a provider's user gets only its own
   * organisations' contracts' letters ({@code ProviderScope}); another's answers 404.
   */
  @GetMapping("/extension-letters")
  public List<LetterSummary> letters(@PathVariable String reference, Authentication user) {
    Contract contract = visibleContract(reference, user);
    return letters.findByContract(contract.reference()).stream()
        .map(
            l ->
                new LetterSummary(
                    l.caseId(),
                    l.fileName(),
                    l.createdAt().toString(),
                    "/api/contracts/" + contract.reference() + "/extension-letters/" + l.caseId()))
        .toList();
  }

  /**
   * Open to every signed-in user (the class's rule): a provider's user gets only its own
   * organisations' contracts' letters ({@code ProviderScope}); another's answers 404.
   */
  @GetMapping("/extension-letters/{caseId}")
  public ResponseEntity<byte[]> letter(
      @PathVariable String reference, @PathVariable String caseId, Authentication user) {
    Contract contract = visibleContract(reference, user);
    ExtensionLetter letter =
        letters
            .findByCase(caseId)
            .filter(l -> l.contractReference().equals(contract.reference()))
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "No such letter for " + reference));
    return PdfDownload.of(letter.fileName(), letter.content());
  }

  @ExceptionHandler(ExtensionRefusedException.class)
  ProblemDetail refused(ExtensionRefusedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Extension case not started");
    String message = e.getMessage();
    if (message.startsWith("contractReference:")) {
      problem.setStatus(HttpStatus.NOT_FOUND);
      problem.setProperty(
          "errors",
          List.of(
              Map.of(
                  "field",
                  "contractReference",
                  "message",
                  message.substring("contractReference:".length()).trim())));
    }
    return problem;
  }

  /** Council staff see every contract; a provider's users only their own organisation's. */
  private Contract visibleContract(String reference, Authentication user) {
    return contracts
        .findByReference(reference.trim().toUpperCase(Locale.ROOT), Actor.of(user))
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No contract " + reference));
  }
}
