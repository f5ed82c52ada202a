package uk.gov.council.commissioning.security;

import static uk.gov.council.commissioning.security.Roles.*;

import java.util.List;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** One user per role for demonstrations and training; the demo profile only. */
@Component
@Profile("demo")
@RequiredArgsConstructor
class DemoUsers {

  /** A demo user: id, first and last name, the groups it belongs to. */
  public record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

  /** A provider organisation of the demo, with one user who handles its contracts. */
  private record DemoProvider(String key, String name, String userFirstName) {

    String group() {
      return Roles.PROVIDER_GROUP_PREFIX + key;
    }

    DemoUser user() {
      return new DemoUser(
          key, userFirstName, "Contracts (" + name + ")", List.of(Roles.PROVIDERS, group()));
    }
  }

  private static final List<DemoProvider> DEMO_PROVIDERS =
      List.of(
          new DemoProvider("vibrance", "Vibrance", "Val"),
          new DemoProvider("brightpath", "Brightpath Home Care", "Ben"),
          new DemoProvider("oakleaf", "Oakleaf Day Services", "Olu"));

  private static final List<DemoUser> COUNCIL_STAFF =
      List.of(
          staff("officer", "Olivia", "Officer (Commissioning)", COMMISSIONING_OFFICERS),
          staff("manager", "Marcus", "Manager (Contracts)", CONTRACTS_MANAGERS),
          staff(
              "lead",
              "Leah",
              "Lead Purchasing Officer (Contract Management)",
              COMMISSIONING_OFFICERS,
              CONTRACT_MANAGEMENT_LEADS),
          staff("csg", "Cora", "Chair (Core Strategy Group)", CORE_STRATEGY_GROUP),
          staff("procurement", "Priya", "Lead (Procurement)", PROCUREMENT, PROCUREMENT_LEADS),
          staff("buyer", "Bola", "Officer (Procurement)", PROCUREMENT),
          staff("quality", "Quentin", "Officer (Quality Assurance)", QUALITY_ASSURANCE),
          staff("brokerage", "Bea", "Officer (Brokerage)", BROKERAGE),
          staff("safeguarding", "Sam", "Lead (Safeguarding)", SAFEGUARDING),
          staff("director", "Dana", "Director of Adult Social Care", CHIEF_OFFICERS),
          staff("governance", "Gareth", "AD Governance & Contracts", GOVERNANCE_CONTRACTS),
          staff("finance", "Fiona", "Director of Finance", FINANCE_DIRECTORS),
          staff("corporate", "Colin", "Director of Corporate Services", CORPORATE_DIRECTORS),
          staff(
              "portfolio", "Penny", "Portfolio Holder (Adult Care and Health)", PORTFOLIO_HOLDERS),
          staff("clerk", "Chris", "Clerk (Democratic Services)", DEMOCRATIC_SERVICES));

  /** Council staff first, then the providers' users. */
  public static final List<DemoUser> USERS =
      Stream.concat(COUNCIL_STAFF.stream(), DEMO_PROVIDERS.stream().map(DemoProvider::user))
          .toList();

  private static DemoUser staff(String id, String firstName, String lastName, String... groups) {
    return new DemoUser(id, firstName, lastName, List.of(groups));
  }

  private final AccessSetup access;
  private final DemoProperties demo;

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  public void createDemoUsers() {
    access.inOneTransaction(
        () -> {
          DEMO_PROVIDERS.forEach(
              provider -> access.ensureGroup(provider.group(), provider.name(), "PROVIDER"));
          for (DemoUser user : USERS) {
            access.ensureUser(
                user.id(),
                user.firstName(),
                user.lastName(),
                user.id() + "@council.example",
                demo.password());
            user.groups().forEach(group -> access.ensureMembership(user.id(), group));
          }
        });
  }
}
