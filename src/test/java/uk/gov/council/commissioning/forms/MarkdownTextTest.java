package uk.gov.council.commissioning.forms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Typed text inside server-composed Markdown: every character that could start markup is escaped.
 */
class MarkdownTextTest {

  @Test
  void htmlAndLinksAreEscapedSoTheyShowAsTyped() {
    assertThat(MarkdownText.literal("<img src=x onerror=alert(1)> <a href=\"http://x\">link</a>"))
        .isEqualTo(
            "\\<img src\\=x onerror\\=alert\\(1\\)\\> \\<a href\\=\"http\\://x\"\\>link\\</a\\>");
  }

  @Test
  void markdownSyntaxIsEscaped() {
    assertThat(
            MarkdownText.literal(
                "**bold** _it_ [x](http://y) ![i](z) # h | cell ~~s~~ `c` www.x.com a&amp;b"))
        .isEqualTo(
            "\\*\\*bold\\*\\* \\_it\\_ \\[x\\]\\(http\\://y\\) \\!\\[i\\]\\(z\\) \\# h \\| cell \\~\\~s\\~\\~"
                + " \\`c\\` www\\.x\\.com a\\&amp;b");
    assertThat(MarkdownText.literal("1. first\n- second\n+ third\n> quoted\n===\nmail@example.org"))
        .isEqualTo(
            "1\\. first\n\\- second\n\\+ third\n\\> quoted\n\\=\\=\\=\nmail\\@example\\.org");
  }

  @Test
  void ordinaryWordsAndPunctuationAreUntouched() {
    assertThat(MarkdownText.literal("Birch Support 2026/27, £400; Zoë's \"plan\"?"))
        .isEqualTo("Birch Support 2026/27, £400; Zoë's \"plan\"?");
    assertThat(MarkdownText.literal(null)).isEmpty();
  }

  @Test
  void lineBreaksAreKeptInTextAndJoinedInline() {
    assertThat(MarkdownText.literal("one\r\ntwo")).isEqualTo("one\ntwo");
    assertThat(MarkdownText.inline(" one\n\n  two \r\n")).isEqualTo("one two");
  }

  @Test
  void aCodeBlockIsIndentedOnEveryLineSoNothingEndsIt() {
    assertThat(MarkdownText.codeBlock("Dear bidder\n```\n</code><img src=x>\n\nScore: 84"))
        .isEqualTo("    Dear bidder\n    ```\n    </code><img src=x>\n    \n    Score: 84");
  }
}
