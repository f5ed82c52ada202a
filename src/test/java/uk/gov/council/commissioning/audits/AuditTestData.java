package uk.gov.council.commissioning.audits;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.testkit.TestMeetings;

/** Contracts, planned meetings and checklist clauses for the audit tests. */
final class AuditTestData {

  private AuditTestData() {}

  static Contract contract(ContractService contracts, Provider provider, String reference) {
    return TestMeetings.contract(contracts, provider, reference, "Audit test service");
  }

  static long meeting(JdbcClient jdbc, Contract contract, LocalDate date) {
    return TestMeetings.meeting(jdbc, contract, date);
  }

  /** The id of the standard clause at the position of the section (by its code). */
  static long clause(JdbcClient jdbc, String sectionCode, int position) {
    return TestMeetings.checklistClause(jdbc, sectionCode, position);
  }
}
