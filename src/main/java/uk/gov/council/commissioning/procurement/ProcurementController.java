package uk.gov.council.commissioning.procurement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.web.PageQuery;

/**
 * Procurements as recorded: where each stands, and for one its timetable (with the regime's dates
 * worked out), stages finished, slips, notices, challenges and evaluation.
 */
@RestController
@RequestMapping("/api/procurements")
@RequiredArgsConstructor
class ProcurementController {

  private final ProcurementRegister register;
  private final ProcurementTimetable timetable;
  private final TimetableChecker checker;
  private final ObjectMapper json;

  /** One line per procurement. */
  public record Summary(
      String reference,
      String title,
      String serviceArea,
      String regime,
      String status,
      BigDecimal estimatedValue,
      String replacesReference,
      String awardedContractReference,
      String currentStage,
      int slips,
      Instant createdAt) {}

  /** Everything recorded about one procurement. */
  public record Details(
      Summary procurement,
      String startReason,
      String startedBy,
      boolean keyDecision,
      String approvalRoute,
      Map<String, ProcurementRegister.Agreement> agreements,
      TimetablePlan timetable,
      int timetableRevision,
      TimetableCheck timetableCheck,
      List<ProcurementStage> stagesFinished,
      List<ProcurementRegister.Slip> slips,
      List<ProcurementRegister.Notice> notices,
      List<ProcurementRegister.Challenge> challenges,
      String winningBidder,
      LocalDate contractSignedOn,
      JsonNode evaluation) {}

  @GetMapping
  @ProcurementStaff
  public ResponseEntity<List<Summary>> list(PageQuery query) {
    return register.page(query).map(this::summary).toResponse();
  }

  @GetMapping("/{reference}")
  @ProcurementStaff
  public Details one(@PathVariable String reference) {
    ProcurementRegister.Procurement p =
        register
            .find(reference)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "No procurement " + reference));
    TimetablePlan plan = timetable.plan(reference).orElse(null);
    return new Details(
        summary(p),
        p.startReason(),
        p.startedBy(),
        p.keyDecision(),
        p.approvalRoute(),
        register.currentAgreements(reference),
        plan,
        p.planRevision(),
        plan == null ? null : checker.check(plan),
        register.finishedStages(reference),
        register.slips(reference),
        register.notices(reference),
        register.challenges(reference),
        p.winningBidder(),
        register.contractSignedOn(reference).orElse(null),
        evaluation(p));
  }

  private Summary summary(ProcurementRegister.Procurement p) {
    List<ProcurementStage> finished = register.finishedStages(p.reference());
    String current =
        p.plan() == null
            ? null
            : java.util.Arrays.stream(ProcurementStage.values())
                .filter(s -> !finished.contains(s))
                .findFirst()
                .map(ProcurementStage::label)
                .orElse("finished");
    return new Summary(
        p.reference(),
        p.title(),
        p.serviceArea(),
        p.regime(),
        p.status(),
        p.estimatedValue(),
        p.replacesReference(),
        p.awardedContractReference(),
        current,
        register.slips(p.reference()).size(),
        p.createdAt());
  }

  /** The stored inputs and result together: the ranking can be recomputed from the inputs. */
  private JsonNode evaluation(ProcurementRegister.Procurement p) {
    if (p.evaluationResult() == null) {
      return null;
    }
    try {
      ObjectNode node = json.createObjectNode();
      node.set("inputs", json.readTree(p.evaluationInputs()));
      node.set("result", json.readTree(p.evaluationResult()));
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "The evaluation of " + p.reference() + " could not be read", e);
    }
  }
}
