package uk.gov.council.commissioning.procurement;

import java.math.BigDecimal;

/**
 * One stage 2 question. The weight is a percentage of the quality share (all questions together
 * make 100); the maximum score is data so a council can mark out of 5, 10 or anything else.
 */
record QualityQuestion(String id, String title, BigDecimal weight, BigDecimal maxScore) {}
