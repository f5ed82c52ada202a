package uk.gov.council.commissioning.procurement;

import java.util.List;

/** Body of POST /api/procurement/evaluations; without a model the seed's template is used. */
record EvaluationRequest(EvaluationModel model, List<Bid> bids) {}
