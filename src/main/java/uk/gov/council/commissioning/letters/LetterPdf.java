package uk.gov.council.commissioning.letters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The council's letters (extension letters, default notices) as plain A4 PDFs: paragraphs of text,
 * wrapped to the page and continued on a new page when long.
 */
public final class LetterPdf {

  private static final float MARGIN = 60;
  private static final float FONT_SIZE = 11;
  private static final float LEADING = 15;

  private static final java.time.format.DateTimeFormatter LONG_DATE =
      java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

  private LetterPdf() {}

  /**
   * How every letter to a provider about a contract opens: the date, the provider, the contract and
   * the salutation, one paragraph each; the caller adds the body.
   */
  public static List<String> opening(
      java.time.LocalDate date,
      String providerName,
      String contractReference,
      String contractTitle) {
    List<String> p = new ArrayList<>();
    p.add(LONG_DATE.format(date));
    p.add(providerName);
    p.add("Contract " + contractReference + ": " + contractTitle);
    p.add("Dear " + providerName + ",");
    return p;
  }

  /**
   * @param title the document title shown by PDF readers
   * @param what what the letter is, for the error message if it cannot be produced
   */
  public static byte[] render(String title, List<String> paragraphs, String what) {
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDPage page = newPage(document);
      float width = page.getMediaBox().getWidth() - 2 * MARGIN;
      float top = page.getMediaBox().getHeight() - MARGIN;
      float y = top;
      PDPageContentStream text = startText(document, page, regular, top);
      try {
        for (String paragraph : paragraphs) {
          for (String line : wrap(paragraph, regular, width)) {
            if (y < MARGIN) {
              text.endText();
              text.close();
              page = newPage(document);
              y = top;
              text = startText(document, page, regular, top);
            }
            text.showText(line);
            text.newLineAtOffset(0, -LEADING);
            y -= LEADING;
          }
          text.newLineAtOffset(0, -LEADING / 2);
          y -= LEADING / 2;
        }
        text.endText();
      } finally {
        text.close();
      }
      document.getDocumentInformation().setTitle(title);
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("The " + what + " could not be produced", e);
    }
  }

  private static PDPage newPage(PDDocument document) {
    PDPage page = new PDPage(PDRectangle.A4);
    document.addPage(page);
    return page;
  }

  private static PDPageContentStream startText(
      PDDocument document, PDPage page, PDFont font, float top) throws IOException {
    PDPageContentStream text = new PDPageContentStream(document, page);
    text.beginText();
    text.setFont(font, FONT_SIZE);
    text.newLineAtOffset(MARGIN, top);
    return text;
  }

  private static List<String> wrap(String paragraph, PDFont font, float width) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : printable(paragraph, font).split(" ")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (font.getStringWidth(candidate) / 1000 * FONT_SIZE > width && !line.isEmpty()) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    lines.add(line.toString());
    return lines;
  }

  /**
   * The standard PDF fonts cover WinAnsi only; anything else would stop the letter. WinAnsi is not
   * Latin-1: it lacks the C1 controls (which text mis-decoded from Windows-1252 brings) and has the
   * dashes, curly quotes and euro sign, so the font itself is asked.
   */
  static String printable(String text, PDFont font) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (Character.isWhitespace(c)) {
                out.append(' ');
              } else if (!Character.isISOControl(c) && canEncode(font, c)) {
                out.appendCodePoint(c);
              } else {
                out.append('?');
              }
            });
    return out.toString();
  }

  private static boolean canEncode(PDFont font, int codePoint) {
    try {
      font.encode(Character.toString(codePoint));
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }
}
