package uk.gov.council.commissioning.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.security.ProviderScope;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * Quarterly compliance figures (seed 002 App C sections 4-6). Council staff see every provider's; a
 * provider's users see only their own organisation's, and another provider is answered as unknown
 * so that its existence is not revealed, as for contracts.
 */
@RestController
@PreAuthorize("isAuthenticated()")
@RequestMapping("/api/compliance")
@RequiredArgsConstructor
class ComplianceController {

  private static final String QUARTER_FORMAT =
      "must be a calendar quarter such as 2026-Q3 (Q1 = January to March)";

  private final ComplianceFigures figures;
  private final ContractService contracts;

  /**
   * Open to every signed-in user (the class's rule): a provider's user gets only its own
   * organisations' figures ({@code ProviderScope}); another's answers 404.
   */
  @GetMapping("/providers/{providerId}/quarters/{quarter}")
  public ProviderFigures provider(
      @PathVariable String providerId, @PathVariable String quarter, Authentication auth) {
    List<FieldProblem> problems = new ArrayList<>();
    Optional<Long> id = parseId(providerId);
    if (id.isEmpty()) {
      problems.add(new FieldProblem("providerId", "must be a whole number"));
    }
    Optional<Quarter> q = Quarter.parse(quarter);
    if (q.isEmpty()) {
      problems.add(new FieldProblem("quarter", QUARTER_FORMAT));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    Provider provider =
        contracts
            .findProviderById(id.get())
            .filter(p -> ProviderScope.sees(auth, p.organisationGroup()))
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "No provider with id " + id.get()));
    return figures.forProvider(provider, q.get());
  }

  @GetMapping("/quarters/{quarter}")
  @PreAuthorize("@access.councilStaff(authentication)")
  public QuarterFigures allProviders(@PathVariable String quarter) {
    Quarter q =
        Quarter.parse(quarter)
            .orElseThrow(() -> new InvalidRequestException("quarter", QUARTER_FORMAT));
    return figures.forAllProviders(q);
  }

  private static Optional<Long> parseId(String text) {
    try {
      return Optional.of(Long.parseLong(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
