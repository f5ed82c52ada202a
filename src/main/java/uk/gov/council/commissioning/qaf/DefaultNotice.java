package uk.gov.council.commissioning.qaf;

import java.time.Instant;

/**
 * A default notice letter (PDF) issued when an improvement plan found no improvement (seed 001 3.3
 * §3.4).
 */
record DefaultNotice(long planId, String fileName, byte[] content, Instant createdAt) {

  public static final String CONTENT_TYPE = "application/pdf";
}
