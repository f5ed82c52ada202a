package uk.gov.council.commissioning.procurement;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scores a tender on request. Nothing is stored: the answer follows from the request alone, so a
 * panel can rerun it and get the same figures.
 */
@RestController
@RequestMapping("/api/procurement/evaluations")
class EvaluationController {

  @PostMapping
  @ProcurementStaff
  public EvaluationResult evaluate(@RequestBody EvaluationRequest request) {
    EvaluationModel model =
        request.model() == null ? EvaluationModel.seed000Default() : request.model();
    return TenderEvaluation.evaluate(model, request.bids());
  }
}
