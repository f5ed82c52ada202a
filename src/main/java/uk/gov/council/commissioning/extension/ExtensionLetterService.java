package uk.gov.council.commissioning.extension;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.letters.LetterPdf;

/**
 * Produces the letter that applies an extension (seed 000 §10.3: "the extension must be applied via
 * a suitable letter, or similar, as specified in the Contract") and keeps it with the case.
 */
@Service
@RequiredArgsConstructor
class ExtensionLetterService {

  private static final DateTimeFormatter LONG_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /** A row of extension_letter, its columns in the order every query selects them. */
  private static final RowMapper<ExtensionLetter> LETTER =
      (rs, n) ->
          new ExtensionLetter(
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              rs.getBytes(4),
              rs.getTimestamp(5).toInstant());

  private final JdbcClient jdbc;
  private final Clock clock;

  /** The case's letter: the stored one if it exists, otherwise a new one, stored now. */
  @Transactional
  public ExtensionLetter produceOnce(String caseId, LetterDetails details) {
    Optional<ExtensionLetter> existing = findByCase(caseId);
    if (existing.isPresent()) {
      return existing.get();
    }
    ExtensionLetter letter =
        new ExtensionLetter(
            caseId,
            details.contractReference(),
            "Extension letter "
                + details.contractReference().replace('/', '-')
                + " option "
                + details.optionOrder()
                + ".pdf",
            render(details),
            clock.instant());
    jdbc.sql(
            """
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
    return jdbc.sql(
            "SELECT case_id, contract_reference, file_name, content, created_at FROM extension_letter WHERE case_id = :caseId")
        .param("caseId", caseId)
        .query(LETTER)
        .optional();
  }

  public List<ExtensionLetter> findByContract(String contractReference) {
    return jdbc.sql(
            "SELECT case_id, contract_reference, file_name, content, created_at FROM extension_letter"
                + " WHERE contract_reference = :reference ORDER BY created_at")
        .param("reference", contractReference)
        .query(LETTER)
        .list();
  }

  /** The letter's text, paragraph by paragraph; also what the PDF shows. */
  static List<String> paragraphs(LetterDetails d) {
    List<String> p =
        LetterPdf.opening(
            d.letterDate(), d.providerName(), d.contractReference(), d.contractTitle());
    p.add(
        "Notice of extension. Under the extension provisions of the contract, the Council gives notice that it is"
            + " applying extension option "
            + d.optionOrder()
            + ". The contract is extended from "
            + LONG_DATE.format(d.extensionStart())
            + " to "
            + LONG_DATE.format(d.extensionEnd())
            + " inclusive.");
    p.add(
        "All other terms and conditions of the contract, the service specification and the performance targets"
            + " continue to apply during the extension period.");
    p.add(
        "This extension was approved by the "
            + d.decisionMaker()
            + " (decision "
            + d.decisionReference()
            + "), following the agreement of the Chief Officer and the Assistant Director Governance & Contracts.");
    p.add("Please confirm receipt of this letter through the Council's task list.");
    p.add("Yours faithfully,");
    p.add("Commissioning and Contract Management, Adult Social Care");
    return p;
  }

  static byte[] render(LetterDetails details) {
    return LetterPdf.render(
        "Extension letter " + details.contractReference(), paragraphs(details), "extension letter");
  }

  static LocalDate parse(Object isoDate) {
    return LocalDate.parse(isoDate.toString());
  }
}
