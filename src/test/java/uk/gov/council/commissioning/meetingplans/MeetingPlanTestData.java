package uk.gov.council.commissioning.meetingplans;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.testkit.ContractDraft;

/** A provider's contract and a contract management meeting on it, for the follow-up tests. */
final class MeetingPlanTestData {

  private MeetingPlanTestData() {}

  static Contract contractOf(ContractService contracts, Provider provider, String reference) {
    return contracts.create(
        ContractDraft.draft(reference, provider.id())
            .about("Follow-up test service " + reference, "Adult social care", null)
            .running("2025-01-01", "2060-12-31", "100000.00", "3600000.00"));
  }

  /** A meeting on the contract, dated {@code on}; its number. */
  static long meetingOn(JdbcClient jdbc, Contract contract, LocalDate on) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO contract_management_meeting (contract_id, meeting_date) VALUES (:c, :d)")
        .param("c", contract.id())
        .param("d", on)
        .update(key, "id");
    return key.getKey().longValue();
  }
}
