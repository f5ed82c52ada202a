package uk.gov.council.commissioning.testkit;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;

/**
 * Contracts running long enough for any year a meeting test plans, planned contract management
 * meetings outside any schedule, and the clauses of the compliance audit checklist.
 */
public final class TestMeetings {

  private TestMeetings() {}

  /** A contract titled "Meetings test service" and its reference. */
  public static Contract contract(ContractService contracts, Provider provider, String reference) {
    return contract(contracts, provider, reference, "Meetings test service");
  }

  public static Contract contract(
      ContractService contracts, Provider provider, String reference, String titlePrefix) {
    return contracts.create(
        ContractDraft.draft(reference, provider.id())
            .about(titlePrefix + " " + reference, "Adult social care", null)
            .running("2025-01-01", "2060-12-31", "100000.00", "3600000.00"));
  }

  /** A planned meeting of the contract on the day, outside any schedule; returns its id. */
  public static long meeting(JdbcClient jdbc, Contract contract, LocalDate date) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO contract_management_meeting (contract_id, meeting_date) VALUES (:c, :d)")
        .param("c", contract.id())
        .param("d", date)
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** The id of the standard checklist clause at the position of the section (by its code). */
  public static long checklistClause(JdbcClient jdbc, String sectionCode, int position) {
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
