package uk.gov.council.commissioning.qaf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;

/**
 * Produces the default notice letter for an improvement plan that found no improvement (seed 001
 * 3.3 §3.4: "could lead to the issue of a default notice") and keeps it, once per plan: a retried
 * job finds the stored letter rather than writing another with a new date.
 */
@Service
public class DefaultNoticeLetters {

  private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final JdbcClient jdbc;

  public DefaultNoticeLetters(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The plan's notice: the stored one if it exists, otherwise a new one, stored now. */
  @Transactional
  public DefaultNotice produceOnce(ImprovementPlan plan, Instant now) {
    Optional<DefaultNotice> existing = findByPlan(plan.id());
    if (existing.isPresent()) {
      return existing.get();
    }
    DefaultNotice notice = new DefaultNotice(plan.id(),
        "Default notice " + plan.contractReference().replace('/', '-') + " " + plan.objective() + ".pdf",
        render(plan, now), now);
    jdbc.sql("INSERT INTO qaf_default_notice (plan_id, file_name, content, created_at)"
            + " VALUES (:planId, :fileName, :content, :createdAt)")
        .param("planId", notice.planId())
        .param("fileName", notice.fileName())
        .param("content", notice.content())
        .param("createdAt", Timestamp.from(notice.createdAt()))
        .update();
    return notice;
  }

  public Optional<DefaultNotice> findByPlan(long planId) {
    return jdbc.sql("SELECT plan_id, file_name, content, created_at FROM qaf_default_notice WHERE plan_id = :planId")
        .param("planId", planId)
        .query((rs, n) -> new DefaultNotice(rs.getLong(1), rs.getString(2), rs.getBytes(3),
            rs.getTimestamp(4).toInstant()))
        .optional();
  }

  /** The letter's text, paragraph by paragraph; also the body of the email that carries it. */
  static List<String> paragraphs(ImprovementPlan plan, Instant date) {
    List<String> p = new ArrayList<>();
    p.add(LONG_DATE.format(date.atZone(WorkingDayCalendar.UK)));
    p.add(plan.providerName());
    p.add("Contract " + plan.contractReference() + ": " + plan.contractTitle());
    p.add("Dear " + plan.providerName() + ",");
    p.add("Default notice. Your Quality Assessment Framework return " + plan.qafNumber() + " graded core objective "
        + plan.objective() + " as D. You were required to produce an improvement plan, which the Council reviewed"
        + " and validated after a further period of one month. The validation found no improvement.");
    if (plan.validationFindings() != null) {
      p.add("Findings: " + plan.validationFindings());
    }
    p.add("The Contracts Manager has reported this to the Core Strategy Group, which has decided that a default"
        + " notice be issued under the default provisions of the contract.");
    if (plan.defaultNoticeReasons() != null) {
      p.add("Reasons: " + plan.defaultNoticeReasons());
    }
    p.add("The Council requires you to remedy this default. Your contract manager will contact you about the"
        + " steps required and the period for remedy set by the contract.");
    p.add("Yours faithfully,");
    p.add("Commissioning and Contract Management, Adult Social Care");
    return p;
  }

  static byte[] render(ImprovementPlan plan, Instant date) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      float margin = 60;
      float fontSize = 11;
      float leading = 15;
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      float width = page.getMediaBox().getWidth() - 2 * margin;
      float y = page.getMediaBox().getHeight() - margin;
      PDPageContentStream text = new PDPageContentStream(document, page);
      try {
        text.beginText();
        text.setFont(regular, fontSize);
        text.newLineAtOffset(margin, y);
        for (String paragraph : paragraphs(plan, date)) {
          for (String line : wrap(paragraph, regular, fontSize, width)) {
            // Long findings or reasons continue on a new page.
            if (y < margin) {
              text.endText();
              text.close();
              page = new PDPage(PDRectangle.A4);
              document.addPage(page);
              y = page.getMediaBox().getHeight() - margin;
              text = new PDPageContentStream(document, page);
              text.beginText();
              text.setFont(regular, fontSize);
              text.newLineAtOffset(margin, y);
            }
            text.showText(line);
            text.newLineAtOffset(0, -leading);
            y -= leading;
          }
          text.newLineAtOffset(0, -leading / 2);
          y -= leading / 2;
        }
        text.endText();
      } finally {
        text.close();
      }
      document.getDocumentInformation().setTitle("Default notice " + plan.caseReference());
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("The default notice could not be produced", e);
    }
  }

  private static List<String> wrap(String paragraph, PDFont font, float size, float width) throws IOException {
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

  // The standard PDF fonts cover WinAnsi only; anything they cannot encode would stop the letter.
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
}
