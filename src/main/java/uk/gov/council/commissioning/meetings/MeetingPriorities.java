package uk.gov.council.commissioning.meetings;

import java.time.Clock;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * Each contract's priority level for contract management meetings (seed 001 Part 3.1 §1: "The
 * Contracts Manager and Purchasing Officers decide the Priority Level"). The levels and their
 * frequencies are configuration ({@link MeetingsProperties}); a contract nobody has given a level
 * has the default one.
 */
@Service
@RequiredArgsConstructor
public class MeetingPriorities {

  static final int MAX_REASON = 1000;

  private final MeetingRegister register;
  private final MeetingsProperties properties;
  private final Clock clock;

  /** A contract's level and how often it is met. */
  public record ContractPriority(
      String contractReference,
      String contractTitle,
      String providerName,
      String priority,
      int meetingsAYear,
      boolean byDefault) {}

  public ContractPriority of(Contract contract) {
    var set = register.priorityOf(contract.id());
    String level = set.orElse(properties.defaultPriority());
    return new ContractPriority(
        contract.reference(),
        contract.title(),
        contract.provider().name(),
        level,
        properties.priorityLevels().getOrDefault(level, 0),
        set.isEmpty());
  }

  /**
   * Gives the contract a priority level; a level that is not configured, or a reason too long, is
   * refused naming the field and nothing changes.
   */
  @Transactional
  public ContractPriority set(Contract contract, String priority, String reason, String by) {
    List<FieldProblem> problems = new java.util.ArrayList<>();
    if (priority == null || priority.isBlank()) {
      problems.add(new FieldProblem("priority", "is required: one of " + levels()));
    } else if (!properties.isConfigured(priority)) {
      problems.add(
          new FieldProblem(
              "priority",
              priority + " is not a configured priority level; the levels are " + levels()));
    }
    if (reason != null && reason.length() > MAX_REASON) {
      problems.add(new FieldProblem("reason", "must be at most " + MAX_REASON + " characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    register.setPriority(
        contract.id(), priority, reason == null ? null : reason.strip(), by, clock.instant());
    return of(contract);
  }

  private String levels() {
    return String.join(", ", properties.priorityLevels().keySet());
  }
}
