package uk.gov.council.commissioning.meetings;

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
}
