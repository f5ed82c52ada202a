package uk.gov.council.commissioning.extension;

import java.time.LocalDate;

/** What an extension letter says. */
record LetterDetails(
    String contractReference,
    String contractTitle,
    String providerName,
    int optionOrder,
    LocalDate extensionStart,
    LocalDate extensionEnd,
    String decisionReference,
    String decisionMaker,
    LocalDate letterDate) {}
