package uk.gov.council.commissioning.meetings;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.testkit.ContractDraft;

/** Contracts for the meeting tests: running long enough for any year the tests schedule. */
final class MeetingTestData {

  private MeetingTestData() {}

  static Contract contract(ContractService contracts, Provider provider, String reference) {
    return contracts.create(
        ContractDraft.draft(reference, provider.id())
            .about("Meetings test service " + reference, "Adult social care", null)
            .running("2025-01-01", "2060-12-31", "100000.00", "3600000.00"));
  }

  /** A planned meeting of the contract on the day, outside any schedule; returns its id. */
  static long meeting(JdbcClient jdbc, Contract contract, LocalDate date) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO contract_management_meeting (contract_id, meeting_date) VALUES (:c, :d)")
        .param("c", contract.id())
        .param("d", date)
        .update(key, "id");
    return key.getKey().longValue();
  }
}
