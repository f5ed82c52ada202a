package uk.gov.council.commissioning.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class LetterPdfTest {

  @Test
  void aShortLetterIsOnePageWithItsTitleAndText() throws Exception {
    byte[] pdf =
        LetterPdf.render(
            "Default notice QAF-2026-000001/C1.4",
            List.of(
                "Dear Brightpath Home Care,",
                "Notice of default – standard C1.4 “Protection from Abuse”."),
            "notice");

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      assertThat(document.getDocumentInformation().getTitle())
          .isEqualTo("Default notice QAF-2026-000001/C1.4");
      assertThat(new PDFTextStripper().getText(document))
          .contains("Dear Brightpath Home Care,")
          .contains("Notice of default – standard C1.4 “Protection from Abuse”.");
    }
  }

  @Test
  void aLongLetterContinuesOnANewPageAndLosesNothing() throws Exception {
    List<String> paragraphs = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      paragraphs.add(
          "Finding "
              + i
              + ": the action agreed in the improvement plan was not carried out by its target date.");
    }

    byte[] pdf = LetterPdf.render("Long letter", paragraphs, "letter");

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Finding 1:").contains("Finding 60:");
    }
  }

  @Test
  void charactersTheFontCannotShowBecomeQuestionMarksInsteadOfStoppingTheLetter() throws Exception {
    byte[] pdf = LetterPdf.render("Letter", List.of("Provider: Zoë’s Care – 介護"), "letter");

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(document)).contains("Zoë’s Care – ??");
    }
  }
}
