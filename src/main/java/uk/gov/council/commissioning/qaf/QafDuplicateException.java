package uk.gov.council.commissioning.qaf;

import java.util.List;
import uk.gov.council.commissioning.forms.TaskFormException;

/** The contract already has a QAF for that contract management meeting (one per meeting). */
class QafDuplicateException extends TaskFormException {

  private final String existing;

  public QafDuplicateException(
      String contractReference, java.time.LocalDate meeting, String existing) {
    super(
        "QAF",
        List.of(
            "meetingDate: contract "
                + contractReference
                + " already has QAF "
                + existing
                + " for its meeting on "
                + meeting));
    this.existing = existing;
  }

  public String existing() {
    return existing;
  }
}
