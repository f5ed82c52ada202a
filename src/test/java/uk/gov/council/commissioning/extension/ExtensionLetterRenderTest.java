package uk.gov.council.commissioning.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The extension letter's PDF (seed 000 §10.3: the extension is applied via a letter). */
class ExtensionLetterRenderTest {

  @Test
  void seed000Section10_3TheLetterNamesTheContractTheProviderThePeriodTheOptionAndTheDecisionMaker()
      throws IOException {
    String text = textOf(ExtensionLetterService.render(seedLetter("Vibrance")));

    assertThat(text)
        .contains("DPSP-2017")
        .contains("Direct Payments Support and Payroll Service")
        .contains("Dear Vibrance,")
        .contains("extension option 2")
        .contains("from 8 April 2020 to 7 April 2021 inclusive")
        .contains("approved by the Portfolio Holder (decision PH-2019-117)")
        .contains("20 September 2019");
  }

  @Test
  void theTextMatchesTheParagraphsTheEmailCarries() throws IOException {
    LetterDetails details = seedLetter("Vibrance");
    String text = textOf(ExtensionLetterService.render(details));

    for (String paragraph : ExtensionLetterService.paragraphs(details)) {
      assertThat(text).contains(paragraph.replaceAll("\\s+", " "));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Łódź Care Ltd", // outside Latin-1
        "Gofal Cymru \u0175\u0177", // Welsh ŵ and ŷ
        "Care\u00A0Partners", // a non-breaking space pasted from a document
        "Soft\u00ADhyphen Homes", // soft hyphen
        "Control\u0080\u0090Chars", // C1 controls: below 256 but not in WinAnsi
        "Tab\tand\nnewline",
        "Smile \uD83D\uDE42 Care", // outside the Basic Multilingual Plane
      })
  void charactersTheStandardFontCannotShowDoNotStopTheLetter(String provider) {
    assertThatCode(() -> textOf(ExtensionLetterService.render(seedLetter(provider))))
        .doesNotThrowAnyException();
  }

  @Test
  void typographicPunctuationTheFontHasIsKept() throws IOException {
    String text =
        textOf(
            ExtensionLetterService.render(
                seedLetter("St John\u2019s \u201CCare\u201D \u2013 Support \u20AC")));

    assertThat(text).contains("St John\u2019s \u201CCare\u201D \u2013 Support \u20AC");
  }

  @Test
  void anUnrepresentableCharacterBecomesAQuestionMarkAndTheRestSurvives() throws IOException {
    String text = textOf(ExtensionLetterService.render(seedLetter("Łódź Care Ltd")));

    assertThat(text).contains("Dear ?ód? Care Ltd,");
  }

  static LetterDetails seedLetter(String provider) {
    return new LetterDetails(
        "DPSP-2017",
        "Direct Payments Support and Payroll Service",
        provider,
        2,
        LocalDate.of(2020, 4, 8),
        LocalDate.of(2021, 4, 7),
        "PH-2019-117",
        "Portfolio Holder",
        LocalDate.of(2019, 9, 20));
  }

  static String textOf(byte[] pdf) throws IOException {
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      // Lines are wrapped to the page; compare text, not layout.
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }
}
