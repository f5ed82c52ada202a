/**
 * Read-side views over contract management meetings (seed 001 Part 3.1): the year's schedule by
 * month, officer and priority, each provider's meeting history with its actions and improvement
 * plan, and the overdue list. It reads the {@code meetings} and {@code meetingplans} capabilities
 * through their public services and writes nothing.
 */
package uk.gov.council.commissioning.meetingviews;
