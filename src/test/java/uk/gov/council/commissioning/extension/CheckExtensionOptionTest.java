package uk.gov.council.commissioning.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static uk.gov.council.commissioning.testkit.ContractDraft.draft;
import static uk.gov.council.commissioning.testkit.ContractDraft.registered;

import java.time.Instant;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.council.commissioning.contracts.Contract;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.ContractStatus;
import uk.gov.council.commissioning.contracts.ExtensionOption;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.extension.FakeScopes.Variables;
import uk.gov.council.commissioning.testkit.TestCalendars;

/**
 * Refusals of the first step that the process test cannot reach: the register has no way to make a
 * contract expired or terminated, so the register is mocked here.
 */
class CheckExtensionOptionTest {

  private final ContractService contracts = mock(ContractService.class);
  private final RuntimeService runtimeService = mock(RuntimeService.class);
  private final CheckExtensionOption check =
      new CheckExtensionOption(
          contracts,
          runtimeService,
          new ExtensionDeadlines(
              TestCalendars.englandAndWales(),
              new ExtensionProperties(Period.ofMonths(9), Period.ofMonths(3), false)),
          mock(Deadlines.class));

  @ParameterizedTest
  @EnumSource(
      value = ContractStatus.class,
      names = {"SIGNED", "EXPIRED", "TERMINATED"})
  void aContractThatIsNoLongerActiveIsRefused(ContractStatus status) {
    when(contracts.lockForUpdate("DPSP-2017")).thenReturn(contract(status));
    Variables vars = Variables.of(Map.of("contractReference", "dpsp-2017"));

    assertThatThrownBy(() -> check.execute(FakeScopes.execution("case-1", vars)))
        .isInstanceOf(ExtensionRefusedException.class)
        .hasMessage(
            "Contract DPSP-2017 is " + status + ": only an active contract can be extended");
    assertThat(vars.process).containsOnlyKeys("contractReference");
    verifyNoInteractions(runtimeService);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t"})
  void aBlankReferenceIsRefusedNamingTheField(String reference) {
    Variables vars = Variables.of(Map.of("contractReference", reference));

    assertThatThrownBy(() -> check.execute(FakeScopes.execution("case-1", vars)))
        .isInstanceOf(ExtensionRefusedException.class)
        .hasMessageStartingWith("contractReference:");
    verifyNoInteractions(contracts);
  }

  @Test
  void aMissingOrNonTextReferenceIsRefusedNamingTheField() {
    Map<String, Object> number = new HashMap<>();
    number.put("contractReference", 2017);

    assertThatThrownBy(() -> check.execute(FakeScopes.execution("case-1", new Variables())))
        .isInstanceOf(ExtensionRefusedException.class)
        .hasMessageStartingWith("contractReference:");
    assertThatThrownBy(() -> check.execute(FakeScopes.execution("case-1", Variables.of(number))))
        .isInstanceOf(ExtensionRefusedException.class)
        .hasMessageStartingWith("contractReference:");
    verifyNoInteractions(contracts);
  }

  @Test
  void theReferenceIsLookedUpTrimmedAndInCapitals() {
    when(contracts.lockForUpdate(anyString())).thenReturn(contract(ContractStatus.TERMINATED));

    assertThatThrownBy(
            () ->
                check.execute(
                    FakeScopes.execution(
                        "case-1", Variables.of(Map.of("contractReference", "  dpsp-2017 ")))))
        .isInstanceOf(ExtensionRefusedException.class);
    verify(contracts).lockForUpdate("DPSP-2017");
  }

  private static Contract contract(ContractStatus status) {
    return registered(
        1,
        new Provider(1, "Vibrance", "contracts@vibrance.example", "provider-vibrance"),
        draft("DPSP-2017", 1L)
            .about(
                "Direct Payments Support and Payroll Service",
                "Direct payments",
                "Direct Payments Support")
            .running("2017-04-08", "2020-04-07", "225000.00", "900000.00"),
        status,
        Instant.parse("2017-04-01T00:00:00Z"),
        new ExtensionOption(1, 1, 12, true, "PH 2018", Instant.parse("2018-09-01T00:00:00Z")),
        new ExtensionOption(2, 2, 12, false, null, null));
  }
}
