package uk.gov.council.commissioning.escalation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of every email, reminder and escalation, kept as files under {@code mail/} on the
 * classpath ({@code src/main/resources/mail/<process>/<event>.txt}) so that a council reads and
 * changes its wording in one place, not in Java. Each template is read once and kept. A template's
 * first line is {@code Subject: ...}, then a blank line, then the body; {@code {name}} stands for a
 * value the process supplies.
 *
 * <p>What an escalation task tells the officer to do is a template too, kept beside the emails
 * under {@code tasks/<process>/<event>.txt}: the whole file is the text, with the same
 * placeholders.
 */
class MailTemplates {

  private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9-]+/[a-z0-9-]+");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");
  private static final String SUBJECT = "Subject: ";

  private final Map<String, Template> cache = new ConcurrentHashMap<>();
  private final Map<String, String> taskTexts = new ConcurrentHashMap<>();

  /** The template's subject and body with its placeholders filled from {@code values}. */
  MailMessage render(String name, Map<String, ?> values) {
    Template template = cache.computeIfAbsent(name, MailTemplates::load);
    return new MailMessage(
        fill(name, template.subject(), values), fill(name, template.body(), values));
  }

  /** The task text {@code tasks/<name>.txt} with its placeholders filled from {@code values}. */
  String taskText(String name, Map<String, ?> values) {
    String text = taskTexts.computeIfAbsent(name, n -> withoutFinalNewline(read("tasks/", n)));
    return fill(name, text, values);
  }

  private static String fill(String name, String text, Map<String, ?> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      if (!values.containsKey(key)) {
        // A template and its caller out of step is a programming fault: fail the job so it
        // shows as an incident, rather than send a message with a hole in it.
        throw new IllegalStateException(
            "Mail template " + name + " uses {" + key + "}, which its caller does not supply");
      }
      Object value = values.get(key);
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value.toString()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Template load(String name) {
    return parse("mail/" + name + ".txt", read("mail/", name));
  }

  private static String read(String folder, String name) {
    if (!TEMPLATE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Not a template name: " + name);
    }
    String resource = folder + name + ".txt";
    try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Template " + resource + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read template " + resource, e);
    }
  }

  // Editors add a final newline; the messages never ended with one.
  private static String withoutFinalNewline(String text) {
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  static Template parse(String resource, String text) {
    String normalised = text.replace("\r\n", "\n");
    int firstBreak = normalised.indexOf("\n\n");
    if (!normalised.startsWith(SUBJECT) || firstBreak < 0) {
      throw new IllegalStateException(
          "Mail template " + resource + " must start with 'Subject: ' and a blank line");
    }
    String subject = normalised.substring(SUBJECT.length(), firstBreak).strip();
    String body = normalised.substring(firstBreak + 2);
    return new Template(subject, withoutFinalNewline(body));
  }

  record Template(String subject, String body) {}
}
