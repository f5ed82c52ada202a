package uk.gov.council.commissioning.procurement;

/** Stage 1 (selection) is pass/fail; only a pass goes on to stage 2 (seed 000 §6.8.2). */
enum Stage1Outcome {
  PASS,
  FAIL
}
