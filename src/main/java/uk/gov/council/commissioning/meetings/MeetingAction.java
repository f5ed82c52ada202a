package uk.gov.council.commissioning.meetings;

import java.time.LocalDate;

/**
 * An action from a contract management meeting's minutes (seed 001 Part 3.1 §3.5: "All actions
 * identified have an action owner and a target completion date").
 */
public record MeetingAction(long id, String owner, String description, LocalDate targetDate) {}
