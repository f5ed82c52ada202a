package uk.gov.council.commissioning.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.testkit.InvalidRequests;

/** A quarter's values as a CSV upload. */
class ReturnCsvTest {

  @Test
  void readsTheRowsUnderTheHeaderWithQuotedFields() {
    var values =
        ReturnCsv.values(
            "catalogue,kpi,value,explanation\r\n"
                + "SP,KPI 1,85,\"Staff off sick, two weeks\"\r\n"
                + "SP,SPI 2,12.5,\n"
                + "\n"
                + "SP-LOCAL,LPI 1,3,\"said \"\"none\"\"\"\n");
    assertThat(values)
        .extracting(
            Submission.Value::catalogue,
            Submission.Value::kpi,
            Submission.Value::value,
            Submission.Value::explanation)
        .containsExactly(
            tuple("SP", "KPI 1", new BigDecimal("85"), "Staff off sick, two weeks"),
            tuple("SP", "SPI 2", new BigDecimal("12.5"), null),
            tuple("SP-LOCAL", "LPI 1", new BigDecimal("3"), "said \"none\""));
  }

  @Test
  void aWrongHeaderOrAValueThatIsNotANumberIsRefusedNamingIt() {
    InvalidRequests.assertRefusedNaming(() -> ReturnCsv.values("kpi,value\nKPI 1,3\n"), "body");
    InvalidRequests.assertRefusedNaming(() -> ReturnCsv.values(""), "body");
    InvalidRequests.assertRefusedNaming(
        () -> ReturnCsv.values("catalogue,kpi,value\nSP,KPI 1,3\nSP,SPI 2,lots\n"),
        "values[1].value");
  }
}
