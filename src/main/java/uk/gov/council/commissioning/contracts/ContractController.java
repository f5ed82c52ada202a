package uk.gov.council.commissioning.contracts;

import java.net.URI;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import uk.gov.council.commissioning.contracts.ContractResponses.ContractDetails;
import uk.gov.council.commissioning.contracts.ContractResponses.ContractSummary;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.web.PageQuery;

@RestController
@PreAuthorize("isAuthenticated()")
@RequestMapping("/api/contracts")
@RequiredArgsConstructor
class ContractController {

  private final ContractService contracts;

  /**
   * Open to every signed-in user (the class's rule): a provider's user gets only its own
   * organisations' contracts ({@code ProviderScope}).
   */
  @GetMapping
  public ResponseEntity<List<ContractSummary>> list(PageQuery query, Authentication auth) {
    return contracts.page(Actor.of(auth), query).map(ContractSummary::of).toResponse();
  }

  /**
   * References may contain '/', which cannot travel encoded in a path (the firewall and the servlet
   * container reject %2F), so the rest of the path is the reference. Open to every signed-in user
   * (the class's rule): a provider's user gets only its own organisations' contracts ({@code
   * ProviderScope}); another's answers 404.
   */
  @GetMapping("/{*reference}")
  public ContractDetails get(@PathVariable String reference, Authentication auth) {
    String ref = reference.startsWith("/") ? reference.substring(1) : reference;
    Contract contract =
        contracts
            .findByReference(ref, Actor.of(auth))
            .orElseThrow(() -> new ContractNotFoundException(ref));
    return ContractDetails.of(contract, contracts.nextExtension(contract).orElse(null));
  }

  /** Validation happens in the service so that every wrong field is reported in one answer. */
  @PostMapping
  @PreAuthorize("@access.memberOf(authentication, 'contracts-managers', 'commissioning-officers')")
  public ResponseEntity<ContractDetails> create(@RequestBody NewContract request) {
    Contract created = contracts.create(request);
    URI location =
        ServletUriComponentsBuilder.fromCurrentRequestUri()
            .path("/" + created.reference())
            .build()
            .toUri();
    return ResponseEntity.created(location)
        .body(ContractDetails.of(created, contracts.nextExtension(created).orElse(null)));
  }
}
