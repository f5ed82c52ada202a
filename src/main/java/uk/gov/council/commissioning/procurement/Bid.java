package uk.gov.council.commissioning.procurement;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One bidder's tender: the stage 1 decision, the panel's stage 2 scores by question id (only for a
 * bidder who passed stage 1) and the total price bid over the contract.
 */
record Bid(
    String bidder, Stage1Result stage1, Map<String, BigDecimal> scores, BigDecimal totalPrice) {}
