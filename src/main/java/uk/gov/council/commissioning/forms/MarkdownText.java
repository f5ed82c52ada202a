package uk.gov.council.commissioning.forms;

/**
 * Text a person typed, made safe to put into Markdown that a Camunda Forms {@code text} component
 * renders. Tasklist turns such text into HTML (GitHub-flavoured Markdown, then a sanitiser that
 * still lets links and images through), so a bidder named {@code <img src=x>} or a comment
 * containing {@code [here](http://...)} would become markup instead of the words typed. Every
 * character that can start Markdown or HTML is backslash-escaped, which Markdown shows as the
 * character itself: no emphasis, heading, list, link, autolink ({@code http:}, {@code www.},
 * {@code @}), table cell break, entity or HTML tag can start inside the text.
 *
 * <p>Only for the few texts the server composes as Markdown (tables, headings); a form shows a
 * typed value on its own through an {@code html} component, which escapes what it inserts.
 */
public final class MarkdownText {

  /** Markdown's and HTML's own characters, each of which Markdown lets a backslash escape. */
  private static final String SPECIAL = "\\`*_[]()#+-.!|<>&~:@=";

  private MarkdownText() {}

  /** The text as typed, line breaks kept (Tasklist renders a single line break as one). */
  public static String literal(Object text) {
    if (text == null) {
      return "";
    }
    String value = text.toString().replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (SPECIAL.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * The text on one line: for a table cell, a list item or a heading, which a line break would end.
   */
  public static String inline(Object text) {
    return literal(
        text == null ? null : text.toString().replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
  }

  /**
   * The text as a preformatted block (shown as typed, in a fixed-width font, for copying): indented
   * by four spaces on every line, so nothing in it can end the block, and Markdown renders nothing
   * in it.
   */
  public static String codeBlock(Object text) {
    String value = text == null ? "" : text.toString().replace("\r\n", "\n").replace('\r', '\n');
    return "    " + value.replace("\n", "\n    ");
  }
}
