package uk.gov.council.commissioning.procurement;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.security.CouncilUser;
import uk.gov.council.commissioning.security.Roles;

/**
 * Scores a tender on request. Nothing is stored: the answer follows from the request alone, so
 * a panel can rerun it and get the same figures.
 */
@RestController
@RequestMapping("/api/procurement/evaluations")
public class EvaluationController {

  private static final List<String> MAY_EVALUATE =
      List.of(Roles.PROCUREMENT, Roles.COMMISSIONING_OFFICERS, Roles.CONTRACTS_MANAGERS, Roles.ADMIN);

  @PostMapping
  public EvaluationResult evaluate(@RequestBody EvaluationRequest request, Authentication auth) {
    // Bids and prices are commercially confidential: no provider may see another's.
    if (CouncilUser.isProvider(auth) || !CouncilUser.isInAny(auth, MAY_EVALUATE)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Only procurement, commissioning officers, contracts managers and administrators may evaluate tenders");
    }
    EvaluationModel model = request.model() == null ? EvaluationModel.seed000Default() : request.model();
    return TenderEvaluation.evaluate(model, request.bids());
  }
}
