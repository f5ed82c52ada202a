package uk.gov.council.commissioning.escalation;

/** An email as it is sent: the subject line and the plain-text body. */
public record MailMessage(String subject, String body) {}
