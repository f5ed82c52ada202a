package uk.gov.council.commissioning.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.gov.council.commissioning.cases.CompletedTask;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.NewContract;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.forms.FormChecks;
import uk.gov.council.commissioning.forms.MarkdownText;
import uk.gov.council.commissioning.forms.TaskFormException;
import uk.gov.council.commissioning.security.AccessSetup;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.tasks.TaskAnswers;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * From the award notice to a live contract: standstill and any challenge (which suspends the
 * award), the signed contract in the register, and commencement, which makes it live and closes the
 * contract it replaces.
 */
@Component("procurementAward")
@RequiredArgsConstructor
public class ProcurementAward {

  private final ProcurementRegister register;
  private final ProcurementTimetable timetable;
  private final ProcurementNotices notices;
  private final ProcurementDeadlines deadlines;
  private final ProcurementAlerts alerts;
  private final ProcurementProperties properties;
  private final ContractService contracts;
  private final AccessSetup access;
  private final ProcurementEvaluation evaluation;
  private final Deadlines caseDeadlines;

  /**
   * Standstill runs from the day the notice that starts it was actually published (not the planned
   * day), for the regime's period; none where the regime has no mandatory standstill and the plan
   * chose no voluntary one. It ends when its last day ends: the {@code STANDSTILL_END} deadline,
   * counted in the regime's own working days ({@link RegimeDates}), which the timer reads.
   */
  public void startStandstill(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    Optional<LocalDate> lastDay = standstillLastDay(reference);
    execution.setVariable("standstillApplies", lastDay.isPresent());
    if (lastDay.isPresent()) {
      caseDeadlines.scheduleAt(
          ProcurementCase.of(execution),
          ProcurementCase.STANDSTILL_END.name(),
          deadlines.endOfDay(lastDay.get()),
          ProcurementCase.STANDSTILL_END.seedSection() + timetable.requirePlan(reference).regime());
      execution.setVariable("standstillLastDay", lastDay.get().toString());
      execution.setVariable("standstillEndText", lastDay.get().format(ProcurementTimetable.DAY));
    } else {
      execution.setVariable("standstillLastDay", null);
      execution.setVariable("standstillEndText", "no standstill");
    }
  }

  /**
   * The last day of standstill from the recorded facts: the stored timetable and the publication
   * date of the notice that started it. Read again wherever it matters, never from a variable,
   * since whoever completes a task can set variables.
   */
  private Optional<LocalDate> standstillLastDay(String reference) {
    TimetablePlan plan = timetable.requirePlan(reference);
    LocalDate started = notices.standstillStartedOn(reference).orElse(plan.awardNoticeDate());
    return notices.standstillLastDay(plan, started);
  }

  public void challengeReceived(DelegateTask task) {
    FormChecks checks = new FormChecks(task.getName(), task);
    String challenger = checks.text("challenger", 200);
    LocalDate received = checks.date("challengeReceivedOn");
    if (received != null && received.isAfter(deadlines.today())) {
      checks.problem("challengeReceivedOn", "cannot be in the future");
    }
    String grounds = checks.text("challengeGrounds", 4000);
    checks.throwIfAny();
    task.getExecution().setVariable("challengeText", challengeText(challenger, received, grounds));
    CompletedTask.handOver(task, "challenger", challenger);
    CompletedTask.handOver(task, "challengeReceivedOn", received.toString());
    CompletedTask.handOver(task, "challengeGrounds", grounds);
    CompletedTask.handOver(task, "by", ProcurementUsers.userOf(task));
    TaskAnswers.keepOnTask(task, List.of("challenger", "challengeReceivedOn", "challengeGrounds"));
  }

  /** The challenge the task checked; it suspends the award until resolved. */
  public void recordChallenge(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    register.recordChallenge(
        reference,
        LocalDate.parse(CompletedTask.get(execution, "challengeReceivedOn")),
        CompletedTask.get(execution, "challenger"),
        CompletedTask.get(execution, "challengeGrounds"),
        CompletedTask.get(execution, "by"));
    register.setStatus(reference, "AWARD_SUSPENDED");
  }

  /** Tells the procurement leads the award is suspended by the challenge the task checked. */
  public void emailChallengeReceived(DelegateExecution execution) {
    alerts.challengeReceived(
        execution,
        CompletedTask.get(execution, "challenger"),
        LocalDate.parse(CompletedTask.get(execution, "challengeReceivedOn")));
  }

  /** For the resolution form (Markdown): the challenger and its grounds as typed. */
  static String challengeText(String challenger, LocalDate received, String grounds) {
    return "**"
        + MarkdownText.inline(challenger)
        + "**, received "
        + received.format(ProcurementTimetable.DAY)
        + ":\n\n"
        + MarkdownText.literal(grounds);
  }

  public void challengeResolved(DelegateTask task) {
    FormChecks checks = new FormChecks(task.getName(), task);
    String outcome =
        checks.oneOf("challengeOutcome", Set.of("AWARD_STANDS", "REEVALUATE", "ABANDON"));
    String resolution = checks.text("challengeResolution", 4000);
    checks.throwIfAny();
    CompletedTask.handOver(task, "challengeOutcome", outcome);
    CompletedTask.handOver(task, "challengeResolution", resolution);
    CompletedTask.handOver(task, "by", ProcurementUsers.userOf(task));
    TaskAnswers.decided(task, "challengeOutcome", List.of("challengeResolution"));
  }

  /** The resolution the task checked; the award is no longer suspended. */
  public void recordChallengeOutcome(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    String outcome = CompletedTask.get(execution, "challengeOutcome");
    register.resolveChallenge(
        reference,
        outcome,
        CompletedTask.get(execution, "challengeResolution"),
        deadlines.today(),
        CompletedTask.get(execution, "by"));
    register.setStatus(reference, "IN_PROGRESS");
    if ("REEVALUATE".equals(outcome)) {
      register.reopenStagesFrom(reference, ProcurementStage.EVALUATION);
    }
  }

  /** Fills the contract form from the award and the council's usual term (seed 000 §6.8). */
  public void offerContract(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    TimetablePlan plan = timetable.requirePlan(reference);
    execution.setVariable(
        "commencementText", plan.commencementDate().format(ProcurementTimetable.DAY));
    String winner = register.require(reference).winningBidder();
    execution.setVariable("providerName", winner);
    // The values entered should follow from the winning bid: shown so the officer can check them.
    execution.setVariable(
        "winningBidText",
        evaluation.storedResult(reference).ranking().stream()
            .filter(b -> b.bidder().equals(winner))
            .findFirst()
            .map(b -> "Winning bid: " + RegisterProcurement.pounds(b.totalPrice()) + " in total.")
            .orElse(""));
    execution.setVariable("contractTermMonths", properties.contractTermMonths());
    execution.setVariable(
        "extensionOptions",
        String.join(
            ", ", properties.extensionOptionMonths().stream().map(String::valueOf).toList()));
  }

  /**
   * The contract form, checked as the register would check it, before the task completes: a
   * contract the register would refuse is refused here, and nothing is saved until the step after.
   */
  public void contractSigned(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    Signing signing = signing(task.getName(), execution.getProcessBusinessKey(), task);
    List<FieldProblem> problems =
        contracts.awardedContractProblems(
            signing.contract(),
            execution.getProcessBusinessKey(),
            signing.procurement().replacesReference());
    if (signing.provider() == null) {
      // The winner is added to the providers by the step that records the contract.
      problems = problems.stream().filter(p -> !"providerId".equals(p.field())).toList();
    }
    if (!problems.isEmpty()) {
      throw refusal(task.getName(), problems);
    }
  }

  /**
   * The signed contract the task checked enters the register as SIGNED (its provider too, if new);
   * commencement makes it live.
   */
  public void recordSignedContract(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    // A refusal here (the register changed under the task) names this step, as the model does.
    String step = execution.getCurrentActivityName();
    Signing signing = signing(step, reference, execution);
    if (signing.provider() == null) {
      // Named as the award report named it.
      String winner = signing.procurement().winningBidder();
      String group = Roles.PROVIDER_GROUP_PREFIX + slug(winner);
      contracts.createProvider(winner, signing.providerEmail(), group);
      // Its staff are added to this group by an administrator, as for any provider.
      access.ensureGroup(group, winner, "WORKFLOW");
      // Read again: the contract now names the provider just added.
      signing = signing(step, reference, execution);
    }
    Contract registered;
    try {
      registered =
          contracts.registerAwarded(
              signing.contract(), reference, signing.procurement().replacesReference());
    } catch (InvalidRequestException e) {
      throw refusal(step, e.getErrors());
    }
    register.recordAwardedContract(reference, registered.reference(), signing.signedOn());
    TimetablePlan plan = timetable.requirePlan(reference);
    // Signed, the contract's start date is fixed (a re-plan may no longer move it).
    caseDeadlines.scheduleAt(
        ProcurementCase.of(execution),
        ProcurementCase.COMMENCEMENT.name(),
        deadlines.startOfDay(plan.commencementDate()),
        ProcurementCase.COMMENCEMENT.seedSection());
    notices.scheduleContractNotices(execution);
    register.setStatus(reference, "CONTRACT_SIGNED");
    register.stageFinished(
        reference, ProcurementStage.NOTIFICATION_AND_MOBILISATION, deadlines.today());
    execution.setVariable("awardedContractReference", registered.reference());
  }

  /**
   * The contract form read and checked; {@code provider} is null when the winner is not a provider
   * in the register yet, and the contract then has no provider either.
   */
  private record Signing(
      ProcurementRegister.Procurement procurement,
      NewContract contract,
      Provider provider,
      String providerEmail,
      LocalDate signedOn) {}

  private Signing signing(String form, String reference, VariableScope answers) {
    ProcurementRegister.Procurement procurement = register.require(reference);
    TimetablePlan plan = timetable.requirePlan(reference);
    FormChecks checks = new FormChecks(form, answers);
    String contractReference = checks.text("newContractReference");
    String providerName = checks.text("providerName");
    String providerEmail = checks.optionalText("providerEmail", 320);
    Double term = checks.nonNegativeNumber("contractTermMonths");
    List<NewContract.Option> options = options(checks, checks.optionalText("extensionOptions", 60));
    BigDecimal annual = checks.amount("annualValue");
    BigDecimal wholeLife = checks.amount("wholeLifeValue");
    String budgetHead = checks.optionalText("budgetHead", 200);
    String officer = checks.optionalText("contractOfficer", 64);
    LocalDate signedOn = checks.date("contractSignedOn");
    if (term != null && (term < 1 || term != Math.floor(term) || term > 240)) {
      checks.problem("contractTermMonths", "must be a whole number of months from 1 to 240");
    }
    if (signedOn != null && signedOn.isAfter(deadlines.today())) {
      checks.problem("contractSignedOn", "cannot be in the future");
    }
    if (signedOn != null && signedOn.isAfter(plan.commencementDate())) {
      // The overrun watch asks the lead to re-plan commencement before this can happen.
      checks.problem(
          "contractSignedOn",
          "is after the planned commencement ("
              + plan.commencementDate().format(ProcurementTimetable.DAY)
              + "): the procurement lead re-plans"
              + " commencement first");
    }
    Optional<LocalDate> lastDay = standstillLastDay(reference);
    if (signedOn != null && lastDay.isPresent() && !signedOn.isAfter(lastDay.get())) {
      checks.problem(
          "contractSignedOn",
          "standstill runs to the end of "
              + lastDay.get().format(ProcurementTimetable.DAY)
              + "; the contract may not be entered into before the day after");
    }
    // The award report named the winner and the decision maker authorised it: a contract with
    // anyone else would need a new award decision, not a different name typed here.
    String winner = procurement.winningBidder();
    if (providerName != null && !providerName.equalsIgnoreCase(winner)) {
      checks.problem(
          "providerName",
          "the award was authorised for "
              + winner
              + "; the contract can only be signed with that bidder");
    }
    Provider provider = null;
    if (providerName != null && providerName.equalsIgnoreCase(winner)) {
      provider =
          contracts.findAllProviders().stream()
              .filter(p -> p.name().equalsIgnoreCase(providerName))
              .findFirst()
              .orElse(null);
      if (provider == null && providerEmail == null) {
        checks.problem(
            "providerEmail",
            providerName + " is not in the register yet: give its contact email to add it");
      }
    }
    checks.throwIfAny();
    LocalDate start = plan.commencementDate();
    NewContract contract =
        new NewContract(
            contractReference,
            procurement.title(),
            provider == null ? null : provider.id(),
            procurement.serviceArea(),
            start,
            start.plusMonths(term.longValue()).minusDays(1),
            annual,
            wholeLife,
            budgetHead,
            options,
            officer);
    return new Signing(procurement, contract, provider, providerEmail, signedOn);
  }

  private static TaskFormException refusal(String form, List<FieldProblem> problems) {
    return new TaskFormException(
        form, problems.stream().map(p -> formField(p.field()) + ": " + p.message()).toList());
  }

  /** On the commencement date: the new contract goes live and the one it replaces is closed. */
  public void commence(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    String contract = register.require(reference).awardedContractReference();
    if (contract == null) {
      throw new IllegalStateException(
          "Procurement " + reference + " has no signed contract to commence");
    }
    contracts.commence(contract);
    register.stageFinished(reference, ProcurementStage.COMMENCEMENT, deadlines.today());
  }

  private static List<NewContract.Option> options(FormChecks checks, String text) {
    List<NewContract.Option> options = new ArrayList<>();
    if (text == null) {
      return options;
    }
    for (String part : text.split("[,;\\s]+")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        int months = Integer.parseInt(part.trim());
        if (months < 1 || months > 60) {
          checks.problem("extensionOptions", "each option must be 1 to 60 months, not " + months);
        }
        options.add(new NewContract.Option(months));
      } catch (NumberFormatException e) {
        checks.problem(
            "extensionOptions", "'" + part + "' is not a number of months (e.g. 12, 12)");
      }
    }
    return options;
  }

  /** The register's field names as the contract form calls them. */
  private static String formField(String registerField) {
    return switch (registerField) {
      case "reference" -> "newContractReference";
      case "startDate", "endDate" -> "contractTermMonths";
      case "options" -> "extensionOptions";
      default -> registerField.startsWith("options") ? "extensionOptions" : registerField;
    };
  }

  static String slug(String name) {
    String slug =
        name.toLowerCase(Locale.UK).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return slug.length() > 50 ? slug.substring(0, 50) : slug;
  }

  private static String userOf(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth != null ? auth.getUserId() : task.getAssignee();
  }
}
