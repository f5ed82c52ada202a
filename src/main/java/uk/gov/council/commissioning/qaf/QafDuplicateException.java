package uk.gov.council.commissioning.qaf;

import java.time.LocalDate;
import uk.gov.council.commissioning.cases.DuplicateCaseException;

/** The contract already has a QAF for that contract management meeting (one per meeting). */
class QafDuplicateException extends DuplicateCaseException {

  QafDuplicateException(String contractReference, LocalDate meeting, String existing) {
    super(
        "QAF",
        "meetingDate: contract "
            + contractReference
            + " already has QAF "
            + existing
            + " for its meeting on "
            + meeting,
        existing);
  }
}
