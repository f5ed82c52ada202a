package uk.gov.council.commissioning.contracts;

import java.time.LocalDate;

/** The dates an extension would run for, both inclusive, and the option that provides it. */
public record ExtensionPeriod(LocalDate start, LocalDate end, int optionOrder) {}
