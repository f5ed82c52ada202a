package uk.gov.council.commissioning.audits;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.testkit.ContractDraft;

/** Contracts and planned meetings for the audit tests. */
final class AuditTestData {

  private AuditTestData() {}

  static Contract contract(ContractService contracts, Provider provider, String reference) {
    return contracts.create(
        ContractDraft.draft(reference, provider.id())
            .about("Audit test service " + reference, "Adult social care", null)
            .running("2025-01-01", "2060-12-31", "100000.00", "3600000.00"));
  }

  static long meeting(JdbcClient jdbc, Contract contract, LocalDate date) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO contract_management_meeting (contract_id, meeting_date) VALUES (:c, :d)")
        .param("c", contract.id())
        .param("d", date)
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** The id of the standard clause at the position of the section (by its code). */
  static long clause(JdbcClient jdbc, String sectionCode, int position) {
    return jdbc.sql(
            """
            SELECT c.id FROM audit_checklist_clause c JOIN audit_checklist_section s ON s.id = c.section_id
             WHERE s.code = :code AND c.position = :position AND c.provider_id IS NULL
            """)
        .param("code", sectionCode)
        .param("position", position)
        .query(Long.class)
        .single();
  }
}
