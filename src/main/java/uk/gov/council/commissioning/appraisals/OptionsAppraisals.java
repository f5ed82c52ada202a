package uk.gov.council.commissioning.appraisals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.appraisals.AppraisalRegister.Appraisal;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.cases.CaseStarts;
import uk.gov.council.commissioning.cases.CaseStarts.StartCheck;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.security.CouncilUser;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;
import uk.gov.council.commissioning.web.PageOf;
import uk.gov.council.commissioning.web.PageQuery;

/**
 * Options appraisals: a report submitted and its case started, the public part for council staff,
 * and the confidential annex only for the council teams the report names (every read recorded).
 */
@Service
@RequiredArgsConstructor
public class OptionsAppraisals {

  private final AppraisalRegister register;
  private final CaseStarts cases;
  private final ContractService contracts;
  private final AppraisalNotices notices;
  private final Clock clock;

  /** The report's public part, its options and where the decision stands. */
  public record View(
      String reference,
      String title,
      String serviceArea,
      String reportOf,
      String decisionMaker,
      String publicSummary,
      List<String> annexRoles,
      BigDecimal decisionValue,
      Integer contractTermMonths,
      String contractReference,
      boolean keyDecisionByOfficer,
      boolean twoOrMoreWards,
      int preferredOption,
      List<AppraisalOption> options,
      String status,
      String decisionRoute,
      String decisionReference,
      LocalDate decisionDate,
      String resolution,
      LocalDate publishedOn,
      String outcome,
      String procurementReference,
      String extensionReference,
      String createdBy,
      Instant createdAt) {}

  /** The confidential annex, for a reader the report names. */
  public record Annex(String reference, String title, String confidentialAnnex) {}

  /** One line per appraisal. */
  public record Summary(
      String reference, String title, String status, String outcome, Instant createdAt) {}

  /**
   * Records the report and starts its case as the officer; refused with each field named (400)
   * before anything is written.
   */
  @Transactional
  public View create(AppraisalRequest report, Authentication user) {
    InvalidRequestException.requireBody(report, "send the decision report");
    List<FieldProblem> problems = new ArrayList<>(report.problems());
    if (report.annexRoles() != null) {
      for (int i = 0; i < report.annexRoles().size(); i++) {
        String role = report.annexRoles().get(i);
        if (role == null || !Roles.isCouncilGroup(role)) {
          problems.add(
              new FieldProblem("annexRoles[" + i + "]", "'" + role + "' is not a council team"));
        }
      }
    }
    Optional<Contract> contract =
        report.contractReference() == null || report.contractReference().isBlank()
            ? Optional.empty()
            : contracts.findByReference(report.contractReference().trim());
    if (report.contractReference() != null
        && !report.contractReference().isBlank()
        && contract.isEmpty()) {
      problems.add(
          new FieldProblem(
              "contractReference",
              "no contract " + report.contractReference() + " in the register"));
    }
    if (problems.isEmpty()) {
      AppraisalOption preferred =
          report.optionsNumbered().stream().filter(AppraisalOption::recommended).findFirst().get();
      if (preferred.effect() == AppraisalOption.Effect.EXTEND) {
        if (contract.isEmpty()) {
          problems.add(
              new FieldProblem("contractReference", "is required to extend the current contract"));
        } else if (!contract.get().hasUnusedOption()) {
          problems.add(
              new FieldProblem(
                  "contractReference",
                  "contract " + contract.get().reference() + " has no extension option left"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    int preferred =
        report.optionsNumbered().stream()
            .filter(AppraisalOption::recommended)
            .findFirst()
            .orElseThrow()
            .number();
    String reference = register.insert(report, preferred, user.getName(), today().getYear());
    cases.start(
        AppraisalSteps.PROCESS_KEY,
        reference,
        Map.of(),
        user.getName(),
        CouncilUser.groups(user),
        StartCheck.NONE);
    return view(reference).orElseThrow();
  }

  public Optional<View> view(String reference) {
    return register.find(reference).map(this::view);
  }

  public PageOf<Summary> page(PageQuery query) {
    return register
        .page(query)
        .map(a -> new Summary(a.reference(), a.title(), a.status(), a.outcome(), a.createdAt()));
  }

  /** One line of the officers' list: where each report's decision stands. */
  public record Line(
      String reference,
      String title,
      boolean keyDecisionByOfficer,
      boolean twoOrMoreWards,
      String decisionRoute,
      String status,
      String decisionMaker,
      Instant createdAt,
      LocalDate decisionDate,
      LocalDate publishedOn) {}

  /** The officers' list, the report written last first. */
  public PageOf<Line> lines(PageQuery query) {
    return register
        .page(query)
        .map(
            a ->
                new Line(
                    a.reference(),
                    a.title(),
                    a.keyDecisionByOfficer(),
                    a.twoOrMoreWards(),
                    a.decisionRoute(),
                    a.status(),
                    a.decisionMakerNamed(),
                    a.createdAt(),
                    a.decisionDate(),
                    a.publishedOn()));
  }

  /** Whether the user is in a team the report names as the annex's readers (never a provider). */
  public static boolean mayReadAnnex(Authentication user, View report) {
    return !CouncilUser.isProvider(user) && CouncilUser.isInAny(user, report.annexRoles());
  }

  /**
   * The annex, for a member of a team the report names; anyone else is refused (403) and nothing is
   * written. A granted read is recorded.
   *
   * @return empty when there is no such appraisal
   */
  @Transactional
  public Optional<Annex> annex(String reference, Authentication user) {
    Optional<Appraisal> found = register.find(reference);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Appraisal a = found.get();
    if (CouncilUser.isProvider(user) || !CouncilUser.isInAny(user, a.annexRoles())) {
      throw new AccessDeniedException(
          "The confidential annex of "
              + a.reference()
              + " is read only by "
              + String.join(", ", a.annexRoles()));
    }
    register.recordAnnexRead(a.id(), user.getName(), clock.instant());
    return Optional.of(new Annex(a.reference(), a.title(), register.annex(a.id())));
  }

  /** Who read the annex, oldest first (for the same readers as the annex). */
  public List<String> annexReaders(String reference) {
    return register.find(reference).map(a -> register.annexReaders(a.id())).orElse(List.of());
  }

  /** The decision notice (PDF): the public part and the resolution, never the annex. */
  public Optional<byte[]> decisionNotice(String reference) {
    return register.find(reference).map(notices::decisionNotice);
  }

  private View view(Appraisal a) {
    return new View(
        a.reference(),
        a.title(),
        a.serviceArea(),
        a.reportOf(),
        a.decisionMakerNamed(),
        a.publicSummary(),
        a.annexRoles(),
        a.decisionValue(),
        a.contractTermMonths(),
        a.contractReference(),
        a.keyDecisionByOfficer(),
        a.twoOrMoreWards(),
        a.preferredOption(),
        register.options(a.id()),
        a.status(),
        a.decisionRoute(),
        a.decisionReference(),
        a.decisionDate(),
        a.resolution(),
        a.publishedOn(),
        a.outcome(),
        a.procurementReference(),
        a.extensionReference(),
        a.createdBy(),
        a.createdAt());
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK);
  }
}
