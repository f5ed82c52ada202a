package uk.gov.council.commissioning.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The template files themselves, and how a message is filled from them. */
class MailTemplatesTest {

  private static final Pattern STRAY_BRACE = Pattern.compile("\\{(?![A-Za-z][A-Za-z0-9]*\\})");

  private final MailTemplates templates = new MailTemplates();

  @Test
  void fillsSubjectAndBodyFromTheValues() {
    MailMessage message =
        templates.render(
            "extension/lapsing",
            Map.of(
                "contractReference", "DPSP-2017",
                "contract", "Payroll (DPSP-2017) with Vibrance",
                "currentEndDate", "2020-04-07"));

    assertThat(message.subject()).isEqualTo("Contract lapsing: DPSP-2017");
    assertThat(message.body())
        .startsWith("The contract Payroll (DPSP-2017) with Vibrance reaches its end date today")
        .contains("(2020-04-07)")
        .doesNotEndWith("\n");
  }

  @Test
  void aMissingValueStopsTheMessageNamingThePlaceholder() {
    assertThatThrownBy(
            () -> templates.render("extension/lapsing", Map.of("contractReference", "DPSP-2017")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("extension/lapsing")
        .hasMessageContaining("{contract}");
  }

  @Test
  void aValueIsInsertedLiterallyEvenWithDollarsAndBraces() {
    Map<String, Object> values = new HashMap<>();
    values.put("contractReference", "$1 {contract}");
    values.put("contract", null);
    values.put("currentEndDate", "x");

    assertThat(templates.render("extension/lapsing", values).subject())
        .isEqualTo("Contract lapsing: $1 {contract}");
  }

  @Test
  void namesOutsideTheMailFolderAreRefused() {
    assertThatThrownBy(() -> templates.render("../application", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> templates.render("extension/no-such-template", Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("mail/extension/no-such-template.txt");
  }

  @Test
  void aTaskTextIsTheWholeFileFilledLikeAnEmail() {
    String text =
        templates.taskText(
            "incident/initial-report-missed",
            Map.of("due", "Thu 22 May 2025 19:00", "within", "12 hours"));

    assertThat(text)
        .isEqualTo(
            "The provider's initial report was due by Thu 22 May 2025 19:00 and has not been"
                + " received. Chase the provider for its initial report (seed 002 §12.4: within"
                + " 12 hours of the incident), or enter it here if it reached the council by email"
                + " or phone.");
    assertThatThrownBy(() -> templates.taskText("incident/initial-report-missed", Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("{due}");
    assertThatThrownBy(() -> templates.taskText("incident/no-such-task", Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tasks/incident/no-such-task.txt");
  }

  @Test
  void everyTemplateHasASubjectABodyAndWellFormedPlaceholders() throws IOException {
    for (Resource file : files("mail")) {
      String text = wellFormed(file);
      MailTemplates.Template template = MailTemplates.parse(file.getFilename(), text);
      assertThat(template.subject()).as(file.getFilename()).isNotBlank();
      assertThat(template.body()).as(file.getFilename()).isNotBlank();
    }
  }

  @Test
  void everyTaskTextIsOneParagraphWithWellFormedPlaceholders() throws IOException {
    for (Resource file : files("tasks")) {
      assertThat(wellFormed(file).strip()).as(file.getFilename()).isNotBlank().doesNotContain("\n");
    }
  }

  private static Resource[] files(String folder) throws IOException {
    Resource[] files =
        new PathMatchingResourcePatternResolver().getResources("classpath*:" + folder + "/*/*.txt");
    assertThat(files).as(folder).isNotEmpty();
    return files;
  }

  /** The file's text, checked for a '{' that does not open a placeholder. */
  private static String wellFormed(Resource file) throws IOException {
    String text = file.getContentAsString(StandardCharsets.UTF_8);
    assertThat(STRAY_BRACE.matcher(text).find())
        .as("a stray '{' in " + file.getFilename())
        .isFalse();
    return text;
  }

  @Test
  void keysKeepTheFormTheOutboxAlreadyHolds() {
    assertThat(CaseMail.key("42", "extension/at-risk")).isEqualTo("extension:42:at-risk");
  }
}
