package uk.gov.council.commissioning.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.ContractDraft.draft;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;

/** The daily scan: contracts that cannot be extended again get one procurement, in time. */
@ProcessTest
class AutomaticProcurementStartTest extends ProcessTestCase {

  @Autowired ProcurementStarts starts;
  @Autowired ProcurementRegister register;

  @Test
  void aContractWithNoOptionLeftEndingWithinEighteenMonthsGetsOneProcurement() {
    long unique = System.nanoTime() % 1_000_000;
    LocalDate today = LocalDate.of(2031, 1, 5);
    String due = contract("AUTO-DUE-" + unique, today.plusMonths(18));
    String later = contract("AUTO-LATER-" + unique, today.plusMonths(18).plusDays(1));
    String extendable = contract("AUTO-OPTION-" + unique, today.plusMonths(6), 12);

    List<String> started = starts.startDue(today);

    List<String> replaced =
        started.stream().map(r -> register.require(r).replacesReference()).toList();
    assertThat(replaced).contains(due).doesNotContain(later, extendable);
    String reference = started.get(replaced.indexOf(due));
    ProcurementRegister.Procurement procurement = register.require(reference);
    assertThat(procurement.startReason()).isEqualTo("LAST_OPTION_USED");
    assertThat(procurement.regime()).isEqualTo("PA2023_LIGHT_TOUCH");
    assertThat(procurement.estimatedValue()).isEqualByComparingTo("700000.00");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(reference)
                .singleResult())
        .isNotNull();

    assertThat(starts.startDue(today).stream().map(r -> register.require(r).replacesReference()))
        .as("never twice")
        .doesNotContain(due);
  }

  private String contract(String reference, LocalDate end, int... optionMonths) {
    var provider =
        contracts.findAllProviders().stream()
            .filter(p -> p.organisationGroup().equals("provider-auto-proc"))
            .findFirst()
            .orElseGet(
                () ->
                    contracts.createProvider(
                        "Auto Procurement Care", "c@auto.example", "provider-auto-proc"));
    contracts.create(
        draft(reference, provider.id())
            .about("Advocacy Service", "Adult social care", null)
            .running(end.minusYears(4), end, "100000.00", "400000.00", optionMonths));
    return reference;
  }
}
