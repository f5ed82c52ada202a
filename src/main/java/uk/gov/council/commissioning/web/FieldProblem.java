package uk.gov.council.commissioning.web;

/** One entry of the {@code errors} list in a 400 problem response. */
public record FieldProblem(String field, String message) {}
