package uk.gov.council.commissioning.contracts;

import java.time.Instant;

/**
 * One "+N months" extension the contract allows, taken in {@code optionOrder}.
 *
 * @param usedByDecision reference of the decision that used the option, null while unused
 * @param usedAt when the register recorded the use, null while unused or not known
 */
public record ExtensionOption(
    long id,
    int optionOrder,
    int lengthMonths,
    boolean used,
    String usedByDecision,
    Instant usedAt) {}
