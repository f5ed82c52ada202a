package uk.gov.council.commissioning.notify;

import java.time.Instant;
import java.util.List;

/**
 * A message the demo's {@link MailCatcher} received: the plain text as sent, and the attachments by
 * name and type only.
 *
 * @param sent null when the message carries no date
 */
public record CaughtMail(
    Instant sent,
    List<String> from,
    List<String> to,
    String subject,
    String text,
    List<String> attachments) {

  public CaughtMail {
    from = List.copyOf(from);
    to = List.copyOf(to);
    attachments = List.copyOf(attachments);
  }
}
