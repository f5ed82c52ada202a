package uk.gov.council.commissioning.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The application's mail sender with eyes: it records the size of every call that sends (each is
 * one connection to the server), lets a test look at a batch before it goes out, and refuses the
 * messages a test names, as a server refuses one recipient's message and takes the rest of the
 * batch.
 */
class WatchedMailSender implements JavaMailSender {

  private final JavaMailSender sender;
  private final List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
  private Predicate<MimeMessage> refused = message -> false;
  private Consumer<MimeMessage[]> beforeSending = batch -> {};

  WatchedMailSender(JavaMailSender sender) {
    this.sender = sender;
  }

  WatchedMailSender refusing(Predicate<MimeMessage> refused) {
    this.refused = refused;
    return this;
  }

  WatchedMailSender beforeSending(Consumer<MimeMessage[]> check) {
    this.beforeSending = check;
    return this;
  }

  /** How many messages each sending call carried. */
  List<Integer> batches() {
    return List.copyOf(batches);
  }

  @Override
  public MimeMessage createMimeMessage() {
    return sender.createMimeMessage();
  }

  @Override
  public MimeMessage createMimeMessage(InputStream contentStream) {
    return sender.createMimeMessage(contentStream);
  }

  @Override
  public void send(MimeMessage... messages) {
    batches.add(messages.length);
    beforeSending.accept(messages);
    List<MimeMessage> accepted = new ArrayList<>();
    Map<Object, Exception> failed = new LinkedHashMap<>();
    for (MimeMessage message : messages) {
      if (refused.test(message)) {
        failed.put(message, new MessagingException("550 Requested action not taken: refused"));
      } else {
        accepted.add(message);
      }
    }
    if (!accepted.isEmpty()) {
      sender.send(accepted.toArray(MimeMessage[]::new));
    }
    if (!failed.isEmpty()) {
      throw new MailSendException(failed);
    }
  }

  @Override
  public void send(SimpleMailMessage... messages) {
    throw new UnsupportedOperationException("The outbox sends MIME messages only");
  }

  static long outboxId(MimeMessage message) {
    try {
      return Long.parseLong(message.getHeader(OutboxDispatcher.OUTBOX_ID_HEADER, null));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
