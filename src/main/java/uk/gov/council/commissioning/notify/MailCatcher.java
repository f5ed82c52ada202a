package uk.gov.council.commissioning.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PreDestroy;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * An SMTP server inside the application, so that a demo's email arrives somewhere without a mail
 * server to set up: the demo profile points {@code spring.mail} at it, and an administrator reads
 * what it caught at {@code /admin/mail}. It listens on 127.0.0.1 only, relays nothing and keeps the
 * messages in memory, gone when the application stops. Nothing starts it but {@code
 * commissioning.mail.catcher.enabled=true}, which only the demo profile sets.
 */
@Component
@ConditionalOnProperty(name = "commissioning.mail.catcher.enabled", havingValue = "true")
public class MailCatcher {

  static final String HOST = "127.0.0.1";

  private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);

  private final GreenMail server;
  private final int port;

  public MailCatcher(@Value("${commissioning.mail.catcher.port}") int port) {
    this.port = port;
    this.server = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
    try {
      server.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "The demo's mail catcher cannot listen on "
              + HOST
              + ":"
              + port
              + " (is another mail server using the port?). Set MAIL_CATCHER_PORT to a free port, or"
              + " MAIL_CATCHER=false and MAIL_HOST to a mail server.",
          e);
    }
    log.info(
        "Demo mail catcher listening on {}:{}; an administrator reads what it catches at /admin/mail",
        HOST,
        port);
  }

  @PreDestroy
  void stop() {
    server.stop();
  }

  /** Where it listens, e.g. 127.0.0.1:1025. */
  public String address() {
    return HOST + ":" + port;
  }

  /**
   * Every message caught, the latest first. A message to several recipients is delivered to each
   * one's mailbox but listed once.
   */
  public List<CaughtMail> messages() {
    Map<Object, MimeMessage> unique = new LinkedHashMap<>();
    for (MimeMessage message : server.getReceivedMessages()) {
      unique.putIfAbsent(messageId(message), message);
    }
    return unique.values().stream()
        .map(MailCatcher::read)
        .sorted(
            Comparator.comparing(CaughtMail::sent, Comparator.nullsLast(Comparator.reverseOrder())))
        .toList();
  }

  private static Object messageId(MimeMessage message) {
    try {
      return Objects.requireNonNullElse(message.getMessageID(), new Object());
    } catch (MessagingException unreadable) {
      return new Object();
    }
  }

  /** One message as a reader sees it; a part that cannot be read is said to be so, not skipped. */
  static CaughtMail read(MimeMessage message) {
    try {
      Instant sent = message.getSentDate() == null ? null : message.getSentDate().toInstant();
      StringBuilder text = new StringBuilder();
      List<String> attachments = new ArrayList<>();
      collect(message, text, attachments);
      return new CaughtMail(
          sent,
          addresses(message.getFrom()),
          addresses(message.getRecipients(Message.RecipientType.TO)),
          message.getSubject(),
          // Lines travel by SMTP ending CRLF; shown as they were written.
          text.toString().replace("\r\n", "\n"),
          attachments);
    } catch (MessagingException | IOException e) {
      return new CaughtMail(
          null,
          List.of(),
          List.of(),
          "(a message that could not be read)",
          e.getClass().getSimpleName() + ": " + e.getMessage(),
          List.of());
    }
  }

  private static void collect(Part part, StringBuilder text, List<String> attachments)
      throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart parts = (Multipart) part.getContent();
      for (int i = 0; i < parts.getCount(); i++) {
        collect(parts.getBodyPart(i), text, attachments);
      }
    } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
        || part.getFileName() != null) {
      String type =
          part.getContentType() == null ? "" : part.getContentType().split(";")[0].strip();
      attachments.add(part.getFileName() == null ? type : part.getFileName() + " (" + type + ")");
    } else if (part.isMimeType("text/plain") && text.isEmpty()) {
      text.append(part.getContent());
    }
  }

  private static List<String> addresses(Address[] addresses) {
    if (addresses == null) {
      return List.of();
    }
    return Arrays.stream(addresses)
        .map(a -> a instanceof InternetAddress internet ? internet.toUnicodeString() : a.toString())
        .toList();
  }
}
