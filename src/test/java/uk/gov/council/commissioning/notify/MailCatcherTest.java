package uk.gov.council.commissioning.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.test.util.TestSocketUtils;

/**
 * The demo's mail catcher on its own: what it keeps of a message, and a clear refusal of a busy
 * port.
 */
class MailCatcherTest {

  private MailCatcher catcher;

  @AfterEach
  void stop() {
    if (catcher != null) {
      catcher.stop();
    }
  }

  @Test
  void aMessageToSeveralPeopleIsListedOnceWithItsTextAndAttachmentsByName() throws Exception {
    int port = TestSocketUtils.findAvailableTcpPort();
    catcher = new MailCatcher(port);
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);

    send(sender, "Earlier", "First message.", Instant.parse("2026-03-02T09:00:00Z"), false);
    send(
        sender,
        "Extension letter DPSP-2017-01",
        "Dear Vibrance,\nthe letter is attached.\n",
        Instant.parse("2026-03-02T10:00:00Z"),
        true);

    assertThat(catcher.address()).isEqualTo("127.0.0.1:" + port);
    assertThat(catcher.messages()).hasSize(2);
    CaughtMail latest = catcher.messages().get(0);
    assertThat(latest.subject()).isEqualTo("Extension letter DPSP-2017-01");
    assertThat(latest.sent()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    assertThat(latest.from()).containsExactly("commissioning@council.example");
    assertThat(latest.to())
        .containsExactly("contracts@vibrance.example", "officer@council.example");
    assertThat(latest.text()).isEqualTo("Dear Vibrance,\nthe letter is attached.\n");
    assertThat(latest.attachments()).containsExactly("extension-letter.pdf (application/pdf)");
    assertThat(catcher.messages().get(1).subject()).isEqualTo("Earlier");
    assertThat(catcher.messages().get(1).attachments()).isEmpty();
  }

  @Test
  void aPortInUseStopsTheStartWithWhatToDoAboutIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(() -> catcher = new MailCatcher(taken.getLocalPort()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("MAIL_CATCHER_PORT")
          .hasMessageContaining("MAIL_CATCHER=false");
    }
  }

  private static void send(
      JavaMailSenderImpl sender, String subject, String text, Instant sent, boolean letter)
      throws Exception {
    MimeMessage mime = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mime, letter, "UTF-8");
    helper.setFrom("commissioning@council.example");
    helper.setTo(new String[] {"contracts@vibrance.example", "officer@council.example"});
    helper.setSubject(subject);
    helper.setSentDate(Date.from(sent));
    helper.setText(text, false);
    if (letter) {
      helper.addAttachment(
          "extension-letter.pdf",
          new ByteArrayResource("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)),
          "application/pdf");
    }
    sender.send(mime);
  }
}
