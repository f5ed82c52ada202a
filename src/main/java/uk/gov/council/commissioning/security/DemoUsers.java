package uk.gov.council.commissioning.security;

import java.util.List;
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

  public static final List<DemoUser> USERS =
      List.of(
          new DemoUser(
              "officer",
              "Olivia",
              "Officer (Commissioning)",
              List.of(Roles.COMMISSIONING_OFFICERS)),
          new DemoUser(
              "manager", "Marcus", "Manager (Contracts)", List.of(Roles.CONTRACTS_MANAGERS)),
          new DemoUser(
              "procurement",
              "Priya",
              "Lead (Procurement)",
              List.of(Roles.PROCUREMENT, Roles.PROCUREMENT_LEADS)),
          new DemoUser("buyer", "Bola", "Officer (Procurement)", List.of(Roles.PROCUREMENT)),
          new DemoUser(
              "quality",
              "Quentin",
              "Officer (Quality Assurance)",
              List.of(Roles.QUALITY_ASSURANCE)),
          new DemoUser("brokerage", "Bea", "Officer (Brokerage)", List.of(Roles.BROKERAGE)),
          new DemoUser("safeguarding", "Sam", "Lead (Safeguarding)", List.of(Roles.SAFEGUARDING)),
          new DemoUser(
              "director", "Dana", "Director of Adult Social Care", List.of(Roles.CHIEF_OFFICERS)),
          new DemoUser(
              "governance",
              "Gareth",
              "AD Governance & Contracts",
              List.of(Roles.GOVERNANCE_CONTRACTS)),
          new DemoUser("finance", "Fiona", "Director of Finance", List.of(Roles.FINANCE_DIRECTORS)),
          new DemoUser(
              "corporate",
              "Colin",
              "Director of Corporate Services",
              List.of(Roles.CORPORATE_DIRECTORS)),
          new DemoUser(
              "portfolio",
              "Penny",
              "Portfolio Holder (Adult Care and Health)",
              List.of(Roles.PORTFOLIO_HOLDERS)),
          new DemoUser(
              "clerk", "Chris", "Clerk (Democratic Services)", List.of(Roles.DEMOCRATIC_SERVICES)),
          new DemoUser(
              "vibrance",
              "Val",
              "Contracts (Vibrance)",
              List.of(Roles.PROVIDERS, "provider-vibrance")),
          new DemoUser(
              "brightpath",
              "Ben",
              "Contracts (Brightpath Home Care)",
              List.of(Roles.PROVIDERS, "provider-brightpath")),
          new DemoUser(
              "oakleaf",
              "Olu",
              "Contracts (Oakleaf Day Services)",
              List.of(Roles.PROVIDERS, "provider-oakleaf")));

  private final AccessSetup access;
  private final DemoProperties demo;

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  public void createDemoUsers() {
    access.ensureGroup("provider-vibrance", "Vibrance", "PROVIDER");
    access.ensureGroup("provider-brightpath", "Brightpath Home Care", "PROVIDER");
    access.ensureGroup("provider-oakleaf", "Oakleaf Day Services", "PROVIDER");
    for (DemoUser user : USERS) {
      access.ensureUser(
          user.id(),
          user.firstName(),
          user.lastName(),
          user.id() + "@council.example",
          demo.password());
      user.groups().forEach(group -> access.ensureMembership(user.id(), group));
    }
  }
}
