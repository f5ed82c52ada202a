package uk.gov.council.commissioning.contracts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo providers and contracts. Apart from the Bromley direct payments contract, dates are relative
 * to today so the automatic start always has contracts to find: one that can be extended soon, one
 * that cannot (procurement needed) and one far from its end. Contracts already present are left
 * alone, so restarts keep whatever the demo has done to them.
 */
@Component
@Profile("demo")
@RequiredArgsConstructor
class DemoContracts implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoContracts.class);

  /** The demo commissioning officer manages every demo contract. */
  static final String DEMO_CONTRACT_OFFICER = "officer";

  private final ContractService contracts;
  private final Clock clock;

  @Override
  public void run(ApplicationArguments args) {
    seed(LocalDate.ofInstant(clock.instant(), clock.getZone()));
  }

  void seed(LocalDate today) {
    Provider vibrance =
        contracts.createProvider("Vibrance", "contracts@vibrance.example", "provider-vibrance");
    Provider brightpath =
        contracts.createProvider(
            "Brightpath Home Care", "contracts@brightpath.example", "provider-brightpath");
    Provider oakleaf =
        contracts.createProvider(
            "Oakleaf Day Services", "contracts@oakleaf.example", "provider-oakleaf");

    // London Borough of Bromley gateway report: two years from April 2017, then 1 year + 1 year;
    // the first +1 year (8 April 2019 to 7 April 2020) is in use.
    add(
        new NewContract(
            "DPSP-2017-01",
            "Direct Payments Support and Payroll Service",
            vibrance.id(),
            "Direct payments",
            LocalDate.of(2017, 4, 8),
            LocalDate.of(2020, 4, 7),
            new BigDecimal("225000.00"),
            new BigDecimal("900000.00"),
            "Direct Payments Support",
            options(12, 12)),
        new EarlierUse(
            "Portfolio Holder decision 2018 (first +1 year)",
            Instant.parse("2018-11-20T12:00:00Z")));

    LocalDate homeCareEnd = today.plusMonths(6);
    add(
        new NewContract(
            "HC-2022-03",
            "Domiciliary Care Service (North Locality)",
            brightpath.id(),
            "Home care",
            homeCareEnd.minusYears(3).plusDays(1),
            homeCareEnd,
            new BigDecimal("640000.00"),
            new BigDecimal("3200000.00"),
            "Home Care - Older People",
            options(12, 12)));

    LocalDate dayOpsEnd = today.plusMonths(8);
    add(
        new NewContract(
            "DO-2023-02",
            "Day Opportunities for Older People",
            oakleaf.id(),
            "Day opportunities",
            dayOpsEnd.minusYears(2).plusDays(1),
            dayOpsEnd,
            new BigDecimal("20000.00"),
            new BigDecimal("60000.00"),
            "Day Care - Older People",
            options(12)));

    // Both extensions already taken: a new start must be refused and procurement begun instead.
    LocalDate advocacyEnd = today.plusMonths(4);
    add(
        new NewContract(
            "ADV-2020-01",
            "Independent Advocacy Service",
            vibrance.id(),
            "Advocacy",
            advocacyEnd.minusYears(5).plusDays(1),
            advocacyEnd,
            new BigDecimal("90000.00"),
            new BigDecimal("450000.00"),
            "Advocacy Services",
            options(12, 12)),
        new EarlierUse(
            "Executive Director decision ED/2023/41 (first +1 year)", daysAgo(today, 730)),
        new EarlierUse(
            "Executive Director decision ED/2024/37 (second +1 year)", daysAgo(today, 365)));

    LocalDate reablementEnd = today.plusYears(2);
    add(
        new NewContract(
            "RB-2024-05",
            "Home Care Reablement Service",
            brightpath.id(),
            "Reablement",
            reablementEnd.minusYears(3).plusDays(1),
            reablementEnd,
            new BigDecimal("410000.00"),
            new BigDecimal("2050000.00"),
            "Reablement",
            options(12, 12)));
  }

  /** An option taken before the register existed, recorded in option order. */
  private record EarlierUse(String decision, Instant at) {}

  /** Adds the contract unless present, with its first options already used as given. */
  private void add(NewContract contract, EarlierUse... earlierUses) {
    if (contracts.findByReference(contract.reference()).isPresent()) {
      return;
    }
    contracts.create(contract);
    contracts.assignContractOfficer(contract.reference(), DEMO_CONTRACT_OFFICER);
    int order = 1;
    for (EarlierUse use : earlierUses) {
      contracts.recordEarlierUse(contract.reference(), order++, use.decision(), use.at());
    }
    log.info("Demo contract {} added", contract.reference());
  }

  private static Instant daysAgo(LocalDate today, int days) {
    return today.minusDays(days).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  private static List<NewContract.Option> options(int... months) {
    return Arrays.stream(months).mapToObj(NewContract.Option::new).toList();
  }
}
