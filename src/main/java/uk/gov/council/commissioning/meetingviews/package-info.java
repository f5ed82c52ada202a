/**
 * Read-side views over contract management meetings (seed 001 Part 3.1): the year's schedule by
 * month, officer and priority, each provider's meeting history with its actions and improvement
 * plan, and the overdue list. It reads the {@code meetings} and {@code meetingplans} capabilities
 * through their public services and writes nothing; it also gathers the provider's figures that a
 * meeting's agenda shows ({@code AgendaFigures}, a step of the meeting's case), with the rolling
 * twelve months of performance returns from {@code kpireports}.
 */
package uk.gov.council.commissioning.meetingviews;
