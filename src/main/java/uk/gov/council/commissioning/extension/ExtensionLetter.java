package uk.gov.council.commissioning.extension;

import java.time.Instant;

/** A produced extension letter (PDF), stored with its case. */
record ExtensionLetter(
    String caseId, String contractReference, String fileName, byte[] content, Instant createdAt) {

  public static final String CONTENT_TYPE = "application/pdf";
}
