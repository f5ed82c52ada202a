package uk.gov.council.commissioning.returnyear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.council.commissioning.returnyear.PerformanceYearController.ChangeRequest;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/** A notified change to the contract page (seed 001 Part 3.2 §5.1.1) is checked field by field. */
class ContractPageChangeCheckTest {

  @Test
  void goodValuesAreKeptAsTheFormsHoldThem() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("unitNumbers", 14);
    fields.put("frontLineHours", 37.5);
    fields.put("outOfHoursCover", true);
    fields.put("plannedDuration", "UNDER_2_YEARS");
    fields.put("serviceName", "  Floating support south ");
    Map<String, Object> checked =
        PerformanceYearController.checked(new ChangeRequest(" More hours ", fields));
    assertThat(checked)
        .containsEntry("changeDescription", "More hours")
        .containsEntry("unitNumbers", 14L)
        .containsEntry("frontLineHours", 37.5)
        .containsEntry("outOfHoursCover", true)
        .containsEntry("plannedDuration", "UNDER_2_YEARS")
        .containsEntry("serviceName", "Floating support south");
  }

  @Test
  void eachBadValueIsNamed() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("unitNumbers", 2.5);
    fields.put("managementHours", -1);
    fields.put("outOfHoursCover", "yes");
    fields.put("serviceName", "x".repeat(301));
    fields.put("lockedBy", "me");
    assertThatThrownBy(() -> PerformanceYearController.checked(new ChangeRequest(42, fields)))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.getErrors())
                    .extracting(FieldProblem::field)
                    .containsExactlyInAnyOrder(
                        "description",
                        "fields.unitNumbers",
                        "fields.managementHours",
                        "fields.outOfHoursCover",
                        "fields.serviceName",
                        "fields.lockedBy"));
  }
}
