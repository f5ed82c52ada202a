package uk.gov.council.commissioning.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.returns.LateReturns.LateReturn;

/** The late returns list as CSV (seed 001 Part 3.2 §4.1.6). */
class LateReturnsTest {

  @Test
  void theCsvQuotesCommasAndDefusesFormulas() {
    String csv =
        LateReturns.csv(
            List.of(
                new LateReturn(
                    "PR-A-2026-Q1",
                    "A",
                    "Care, north",
                    "=Alpha",
                    "provider-a",
                    LocalDate.of(2026, 7, 28),
                    null,
                    "AWAITED",
                    null),
                new LateReturn(
                    "PR-B-2026-Q1",
                    "B",
                    "Say \"hi\"",
                    "Beta",
                    "provider-b",
                    LocalDate.of(2026, 7, 28),
                    LocalDate.of(2026, 8, 1),
                    "RECEIVED",
                    Instant.parse("2026-08-03T10:00:00Z"))));
    assertThat(csv.split("\r\n"))
        .containsExactly(
            "case_reference,contract_reference,contract_title,provider,due_date,extended_to,status,received_at",
            "PR-A-2026-Q1,A,\"Care, north\",'=Alpha,2026-07-28,,AWAITED,",
            "PR-B-2026-Q1,B,\"Say \"\"hi\"\"\",Beta,2026-07-28,2026-08-01,RECEIVED,2026-08-03T10:00:00Z");
  }
}
