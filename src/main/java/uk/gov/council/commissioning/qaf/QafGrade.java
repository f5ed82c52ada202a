package uk.gov.council.commissioning.qaf;

/**
 * One core objective of a QAF: the provider's claim, the reviewing officer's grade and the final
 * one.
 */
record QafGrade(
    String objective,
    String providerGrade,
    String officerGrade,
    String finalGrade,
    String explanation,
    String officerComments) {}
