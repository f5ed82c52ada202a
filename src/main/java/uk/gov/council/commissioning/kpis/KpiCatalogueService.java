package uk.gov.council.commissioning.kpis;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.kpis.CatalogueDraft.KpiDraft;
import uk.gov.council.commissioning.kpis.CatalogueRules.Checked;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * Changes to the catalogues: every change is a new version of the year's catalogue, so a return
 * checked against an earlier version keeps the KPIs it was checked against; and which catalogues a
 * contract reports against each year.
 */
@Service
@RequiredArgsConstructor
class KpiCatalogueService {

  private final KpiCatalogueRegister register;
  private final ContractService contracts;
  private final Clock clock;

  /** A new catalogue (version 1) or the next version of the year's. */
  @Transactional
  public KpiCatalogue save(CatalogueDraft draft, String by) {
    Checked checked = CatalogueRules.check(draft);
    int version = register.latestVersion(checked.code(), checked.year()) + 1;
    try {
      long id = register.insert(checked, version, by, clock.instant());
      return register.byId(id).orElseThrow();
    } catch (DuplicateKeyException concurrent) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT,
          "Version "
              + version
              + " of "
              + checked.code()
              + " for "
              + checked.year()
              + " was written meanwhile; read it and try again");
    }
  }

  /**
   * The next version with one KPI's wording, target and threshold changed; null keeps one as it is,
   * blank clears a target or threshold.
   *
   * @return the new version; a refusal names the fields {@code wording}, {@code target} and {@code
   *     threshold}
   */
  @Transactional
  public KpiCatalogue editKpi(
      String code,
      ReportingYear year,
      String kpiCode,
      String wording,
      String target,
      String threshold,
      String by) {
    KpiCatalogue current = current(code, year);
    List<KpiDraft> kpis = new ArrayList<>();
    int index = -1;
    for (Kpi kpi : current.kpis()) {
      KpiDraft k = KpiDraft.of(kpi);
      if (kpi.code().equals(kpiCode)) {
        index = kpis.size();
        k =
            new KpiDraft(
                k.code(),
                k.area(),
                wording == null ? k.wording() : wording,
                k.unit(),
                threshold == null ? k.threshold() : threshold,
                target == null ? k.target() : target,
                k.frequency(),
                k.consequence(),
                k.reportedBy(),
                k.measure(),
                k.seedSection());
      }
      kpis.add(k);
    }
    if (index < 0) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "No KPI " + kpiCode + " in " + code + " for " + year);
    }
    String prefix = "kpis[" + index + "].";
    try {
      return save(
          new CatalogueDraft(
              current.code(), current.title(), year.label(), current.seedSection(), kpis),
          by);
    } catch (InvalidRequestException e) {
      throw new InvalidRequestException(
          e.getErrors().stream()
              .map(
                  p ->
                      new FieldProblem(
                          p.field().startsWith(prefix)
                              ? p.field().substring(prefix.length())
                              : p.field(),
                          p.message()))
              .toList());
    }
  }

  /** The year's latest version written as the next version for a later year. */
  @Transactional
  public KpiCatalogue copy(String code, ReportingYear from, ReportingYear to, String by) {
    if (to.startYear() <= from.startYear()) {
      throw new InvalidRequestException("nextYear", "must be a later year than " + from);
    }
    KpiCatalogue current = current(code, from);
    return save(CatalogueDraft.of(current).withYear(to), by);
  }

  /** The catalogues a contract reports against in a year. */
  @Transactional
  public List<String> assign(String reference, ReportingYear year, List<String> codes) {
    Contract contract =
        contracts
            .findByReference(reference)
            .orElseThrow(
                () ->
                    new ResponseStatusException(HttpStatus.NOT_FOUND, "No contract " + reference));
    InvalidRequestException.requireBody(
        codes, "the catalogue codes are needed, e.g. [\"QPS-APP-A\"]");
    List<FieldProblem> problems = new ArrayList<>();
    Set<String> chosen = new LinkedHashSet<>();
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i) == null ? null : codes.get(i).strip();
      if (code == null || code.isEmpty()) {
        problems.add(new FieldProblem("catalogues[" + i + "]", "is empty"));
      } else if (register.latestVersion(code, year) == 0) {
        problems.add(
            new FieldProblem(
                "catalogues[" + i + "]", "there is no catalogue " + code + " for " + year));
      } else if (!chosen.add(code)) {
        problems.add(new FieldProblem("catalogues[" + i + "]", code + " is listed twice"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    register.replaceAssignment(contract.id(), year, chosen);
    return register.assigned(contract.id(), year);
  }

  private KpiCatalogue current(String code, ReportingYear year) {
    return register
        .current(code, year)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "No catalogue " + code + " for " + year));
  }
}
