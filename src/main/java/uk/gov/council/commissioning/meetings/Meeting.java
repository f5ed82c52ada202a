package uk.gov.council.commissioning.meetings;

import java.time.LocalDate;

/**
 * A planned contract management meeting (seed 001 Part 3.1), as the register holds it.
 *
 * @param scheduleYear the year of the approved schedule that planned it; null when it was planned
 *     another way
 * @param heldOn null until the meeting is recorded as held
 * @param providerGroup the provider organisation whose meeting it is (provider isolation)
 * @param contractOfficer user id of the council officer who manages the contract; null when none is
 *     named
 */
public record Meeting(
    long id,
    String contractReference,
    String contractTitle,
    long providerId,
    String providerName,
    String providerGroup,
    LocalDate meetingDate,
    String priority,
    String status,
    LocalDate heldOn,
    Integer scheduleYear,
    String contractOfficer) {

  public static final String PLANNED = "PLANNED";
  public static final String HELD = "HELD";
}
