package uk.gov.council.commissioning.meetingplans;

import java.time.LocalDate;

/**
 * A contract management meeting as the plan and the survey need it: whose it is (provider
 * isolation) and what it was about.
 */
record MeetingFacts(
    long meetingId,
    LocalDate meetingDate,
    String contractReference,
    String contractTitle,
    long providerId,
    String providerName,
    String providerGroup) {}
