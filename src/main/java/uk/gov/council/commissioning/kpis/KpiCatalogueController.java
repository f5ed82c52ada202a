package uk.gov.council.commissioning.kpis;

import java.net.URI;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * KPI catalogues over REST. Council staff read every catalogue; the contracts managers and
 * administrators add one, a new version of one, copy a year's to a later year and choose which
 * catalogues a contract reports against. A provider's user reads only the catalogues its own
 * contracts report against in the year: any other answers 404, as another provider's contract does.
 * A year in a path is written "2026" or "2026-27" (a path cannot hold "2026/27").
 */
@RestController
@PreAuthorize("@access.staffOrProvider(authentication)")
@RequiredArgsConstructor
class KpiCatalogueController {

  static final String EDITORS = "@access.staffIn(authentication, 'contracts-managers')";

  private final KpiCatalogueRegister register;
  private final KpiCatalogueService service;
  private final ContractService contracts;

  record AssignmentRequest(List<String> catalogues) {}

  record Assignment(
      String contractReference, String year, List<CatalogueViews.Summary> catalogues) {}

  @GetMapping("/api/kpi-catalogues")
  public List<CatalogueViews.Summary> list(
      @RequestParam(required = false) String year, Authentication user) {
    ReportingYear shown = year == null || year.isBlank() ? null : year(year, "year");
    Actor actor = Actor.of(user);
    List<KpiCatalogueRegister.Summary> found =
        actor.provider()
            ? register.latestAssignedTo(actor.organisationGroups(), shown)
            : register.latest(shown);
    return found.stream().map(CatalogueViews::summary).toList();
  }

  /** The year's latest version, or the one asked for with {@code ?version=}. */
  @GetMapping("/api/kpi-catalogues/{code}/{year}")
  public CatalogueViews.Catalogue catalogue(
      @PathVariable String code,
      @PathVariable String year,
      @RequestParam(required = false) String version,
      Authentication user) {
    ReportingYear reportingYear = year(year, "year");
    Integer asked = null;
    if (version != null) {
      try {
        asked = Integer.parseInt(version.strip());
      } catch (NumberFormatException e) {
        throw new InvalidRequestException("version", "must be a version number: 1, 2, ...");
      }
    }
    visible(code, reportingYear, user);
    KpiCatalogue catalogue =
        (asked == null
                ? register.current(code, reportingYear)
                : register.version(code, reportingYear, asked))
            .orElseThrow(() -> notFound(code, reportingYear));
    return CatalogueViews.catalogue(catalogue, register.versions(code, reportingYear));
  }

  /** A new catalogue, or the next version of a year's: the whole catalogue as it is to be. */
  @PostMapping("/api/kpi-catalogues")
  @PreAuthorize(EDITORS)
  public ResponseEntity<CatalogueViews.Catalogue> save(
      @RequestBody(required = false) CatalogueDraft body, Authentication user) {
    return created(service.save(body, user.getName()));
  }

  /** The year's latest version as the next version of a later year's. */
  @PostMapping("/api/kpi-catalogues/{code}/{year}/copy-to/{nextYear}")
  @PreAuthorize(EDITORS)
  public ResponseEntity<CatalogueViews.Catalogue> copy(
      @PathVariable String code,
      @PathVariable String year,
      @PathVariable String nextYear,
      Authentication user) {
    return created(
        service.copy(code, year(year, "year"), year(nextYear, "nextYear"), user.getName()));
  }

  @GetMapping("/api/contracts/{reference}/kpi-catalogues/{year}")
  public Assignment assignment(
      @PathVariable String reference, @PathVariable String year, Authentication user) {
    ReportingYear reportingYear = year(year, "year");
    Contract contract = visibleContract(reference, user);
    return assignmentOf(contract, reportingYear);
  }

  @PutMapping("/api/contracts/{reference}/kpi-catalogues/{year}")
  @PreAuthorize(EDITORS)
  public Assignment assign(
      @PathVariable String reference,
      @PathVariable String year,
      @RequestBody(required = false) AssignmentRequest body,
      Authentication user) {
    ReportingYear reportingYear = year(year, "year");
    InvalidRequestException.requireBody(
        body, "the catalogue codes are needed: {\"catalogues\": [\"QPS-APP-A\"]}");
    Contract contract = visibleContract(reference, user);
    service.assign(contract.reference(), reportingYear, body.catalogues());
    return assignmentOf(contract, reportingYear);
  }

  private Assignment assignmentOf(Contract contract, ReportingYear year) {
    return new Assignment(
        contract.reference(),
        year.label(),
        register.assigned(contract.id(), year).stream()
            .flatMap(code -> register.versions(code, year).stream().reduce((a, b) -> b).stream())
            .map(CatalogueViews::summary)
            .toList());
  }

  private Contract visibleContract(String reference, Authentication user) {
    return contracts
        .findByReference(reference, Actor.of(user))
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No contract " + reference));
  }

  /** A provider's user sees a catalogue only when one of its contracts reports against it. */
  private void visible(String code, ReportingYear year, Authentication user) {
    Actor actor = Actor.of(user);
    if (actor.provider()
        && !register.assignedToOrganisations(code, year, actor.organisationGroups())) {
      throw notFound(code, year);
    }
  }

  private static ResponseEntity<CatalogueViews.Catalogue> created(KpiCatalogue catalogue) {
    return ResponseEntity.created(
            URI.create(
                CatalogueViews.path(catalogue.code(), catalogue.year())
                    + "?version="
                    + catalogue.version()))
        .body(CatalogueViews.catalogue(catalogue, List.of()));
  }

  static ReportingYear year(String text, String field) {
    return CatalogueRules.year(text)
        .orElseThrow(() -> new InvalidRequestException(field, CatalogueRules.YEAR_PROBLEM));
  }

  private static ResponseStatusException notFound(String code, ReportingYear year) {
    return new ResponseStatusException(
        HttpStatus.NOT_FOUND, "No catalogue " + code + " for " + year);
  }
}
