package uk.gov.council.commissioning.meetingplans;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The provider's survey after one contract management meeting (seed 001 Part 3.1 §6), as the
 * register holds it. Scores are 1 (poor) to 5 (very good); null until answered.
 *
 * @param providerGroup the provider organisation that answers it (provider isolation)
 */
public record MeetingFeedback(
    long meetingId,
    String caseReference,
    LocalDate meetingDate,
    String contractReference,
    String providerName,
    @JsonIgnore String providerGroup,
    int meetingNumber,
    String status,
    Instant answeredAt,
    Integer noticeScore,
    Integer preparationScore,
    Integer conductScore,
    Integer actionsScore,
    Integer overallScore,
    String comments) {

  public static final String SKIPPED = "SKIPPED";
  public static final String SENT = "SENT";
  public static final String ANSWERED = "ANSWERED";
  public static final String LAPSED = "LAPSED";
}
