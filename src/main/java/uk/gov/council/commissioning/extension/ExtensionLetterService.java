package uk.gov.council.commissioning.extension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Produces the letter that applies an extension (seed 000 §10.3: "the extension must be applied
 * via a suitable letter, or similar, as specified in the Contract") and keeps it with the case.
 */
@Service
public class ExtensionLetterService {

  private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final JdbcClient jdbc;

  public ExtensionLetterService(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The case's letter: the stored one if it exists, otherwise a new one, stored now. */
  @Transactional
  public ExtensionLetter produceOnce(String caseId, LetterDetails details) {
    Optional<ExtensionLetter> existing = findByCase(caseId);
    if (existing.isPresent()) {
      return existing.get();
    }
    ExtensionLetter letter = new ExtensionLetter(caseId, details.contractReference(),
        "Extension letter " + details.contractReference().replace('/', '-') + " option " + details.optionOrder() + ".pdf",
        render(details), ClockUtil.getCurrentTime().toInstant());
    jdbc.sql("""
            INSERT INTO extension_letter (case_id, contract_reference, file_name, content, created_at)
            VALUES (:caseId, :reference, :fileName, :content, :createdAt)""")
        .param("caseId", letter.caseId())
        .param("reference", letter.contractReference())
        .param("fileName", letter.fileName())
        .param("content", letter.content())
        .param("createdAt", java.sql.Timestamp.from(letter.createdAt()))
        .update();
    return letter;
  }

  public Optional<ExtensionLetter> findByCase(String caseId) {
    return jdbc.sql("SELECT case_id, contract_reference, file_name, content, created_at FROM extension_letter WHERE case_id = :caseId")
        .param("caseId", caseId)
        .query((rs, n) -> new ExtensionLetter(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
            rs.getTimestamp(5).toInstant()))
        .optional();
  }

  public List<ExtensionLetter> findByContract(String contractReference) {
    return jdbc.sql("SELECT case_id, contract_reference, file_name, content, created_at FROM extension_letter"
            + " WHERE contract_reference = :reference ORDER BY created_at")
        .param("reference", contractReference)
        .query((rs, n) -> new ExtensionLetter(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
            rs.getTimestamp(5).toInstant()))
        .list();
  }

  /** The letter's text, paragraph by paragraph; also what the PDF shows. */
  static List<String> paragraphs(LetterDetails d) {
    List<String> p = new ArrayList<>();
    p.add(LONG_DATE.format(d.letterDate()));
    p.add(d.providerName());
    p.add("Contract " + d.contractReference() + ": " + d.contractTitle());
    p.add("Dear " + d.providerName() + ",");
    p.add("Notice of extension. Under the extension provisions of the contract, the Council gives notice that it is"
        + " applying extension option " + d.optionOrder() + ". The contract is extended from "
        + LONG_DATE.format(d.extensionStart()) + " to " + LONG_DATE.format(d.extensionEnd()) + " inclusive.");
    p.add("All other terms and conditions of the contract, the service specification and the performance targets"
        + " continue to apply during the extension period.");
    p.add("This extension was approved by the " + d.decisionMaker() + " (decision " + d.decisionReference()
        + "), following the agreement of the Chief Officer and the Assistant Director Governance & Contracts.");
    p.add("Please confirm receipt of this letter through the Council's task list.");
    p.add("Yours faithfully,");
    p.add("Commissioning and Contract Management, Adult Social Care");
    return p;
  }

  static byte[] render(LetterDetails details) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      float margin = 60;
      float width = page.getMediaBox().getWidth() - 2 * margin;
      float fontSize = 11;
      float leading = 15;
      try (PDPageContentStream text = new PDPageContentStream(document, page)) {
        text.beginText();
        text.setFont(regular, fontSize);
        text.newLineAtOffset(margin, page.getMediaBox().getHeight() - margin);
        for (String paragraph : paragraphs(details)) {
          for (String line : wrap(paragraph, regular, fontSize, width)) {
            text.showText(line);
            text.newLineAtOffset(0, -leading);
          }
          text.newLineAtOffset(0, -leading / 2);
        }
        text.endText();
      }
      document.getDocumentInformation().setTitle("Extension letter " + details.contractReference());
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("The extension letter could not be produced", e);
    }
  }

  private static List<String> wrap(String paragraph, PDType1Font font, float size, float width) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : printable(paragraph, font).split(" ")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
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
  private static String printable(String text, PDFont font) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
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

  static LocalDate parse(Object isoDate) {
    return LocalDate.parse(isoDate.toString());
  }
}
