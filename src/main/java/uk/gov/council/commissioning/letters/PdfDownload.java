package uk.gov.council.commissioning.letters;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A letter answered over HTTP as a PDF file to save under the letter's own name. */
public final class PdfDownload {

  private PdfDownload() {}

  public static ResponseEntity<byte[]> of(String fileName, byte[] content) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName).build().toString())
        .body(content);
  }
}
