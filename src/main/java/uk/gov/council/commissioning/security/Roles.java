package uk.gov.council.commissioning.security;

import java.util.List;
import java.util.Map;

/** Camunda group ids used as candidate groups in the BPMN models and as Spring authorities. */
public final class Roles {
  public static final String COMMISSIONING_OFFICERS = "commissioning-officers";
  public static final String CONTRACTS_MANAGERS = "contracts-managers";
  public static final String PROCUREMENT = "procurement";

  /**
   * Procurement leads: an overrunning stage, a challenge or a failed tender is theirs to decide.
   */
  public static final String PROCUREMENT_LEADS = "procurement-leads";

  /**
   * The purchasing officer who is lead for contract management (seed 001 Part 3.1 §1-§2): drafts
   * the annual meeting schedule and reviews it monthly.
   */
  public static final String CONTRACT_MANAGEMENT_LEADS = "contract-management-leads";

  /** The Core Strategy Group: comments on and approves the meeting schedule (seed 001 3.1 §1). */
  public static final String CORE_STRATEGY_GROUP = "core-strategy-group";

  /**
   * Who reads the year's provider feedback on the meeting process (seed 001 3.1 §6): the Core
   * Strategy Group it is summarised for and the teams that run the meetings.
   */
  public static final List<String> MEETING_FEEDBACK_READERS =
      List.of(
          CORE_STRATEGY_GROUP,
          CONTRACTS_MANAGERS,
          CONTRACT_MANAGEMENT_LEADS,
          COMMISSIONING_OFFICERS);

  public static final String QUALITY_ASSURANCE = "quality-assurance";
  public static final String BROKERAGE = "brokerage";
  public static final String SAFEGUARDING = "safeguarding";
  public static final String CHIEF_OFFICERS = "chief-officers";
  public static final String GOVERNANCE_CONTRACTS = "governance-contracts";
  public static final String FINANCE_DIRECTORS = "finance-directors";
  public static final String CORPORATE_DIRECTORS = "corporate-directors";
  public static final String PORTFOLIO_HOLDERS = "portfolio-holders";
  public static final String DEMOCRATIC_SERVICES = "democratic-services";
  public static final String PROVIDERS = "providers";
  public static final String ADMIN = "camunda-admin";

  /** Every provider organisation has a group of its own, named with this prefix. */
  public static final String PROVIDER_GROUP_PREFIX = "provider-";

  /** Prefix of the Spring Security authority that stands for membership of a Camunda group. */
  public static final String AUTHORITY_PREFIX = "GROUP_";

  /**
   * Council staff groups, with the names an officer sees in Admin. Which of them see which cases
   * (and so use Cockpit) is configuration: {@link AccessProperties}.
   */
  public static final List<GroupName> COUNCIL_GROUPS =
      List.of(
          new GroupName(COMMISSIONING_OFFICERS, "Commissioning officers"),
          new GroupName(CONTRACTS_MANAGERS, "Contracts managers"),
          new GroupName(PROCUREMENT, "Procurement"),
          new GroupName(PROCUREMENT_LEADS, "Procurement leads"),
          new GroupName(
              CONTRACT_MANAGEMENT_LEADS, "Purchasing officers (lead for contract management)"),
          new GroupName(CORE_STRATEGY_GROUP, "Core Strategy Group"),
          new GroupName(QUALITY_ASSURANCE, "Quality assurance"),
          new GroupName(BROKERAGE, "Brokerage"),
          new GroupName(SAFEGUARDING, "Safeguarding"),
          new GroupName(CHIEF_OFFICERS, "Chief Officers (Director of Adult Social Care)"),
          new GroupName(GOVERNANCE_CONTRACTS, "Assistant Director Governance & Contracts"),
          new GroupName(FINANCE_DIRECTORS, "Directors of Finance"),
          new GroupName(CORPORATE_DIRECTORS, "Directors of Corporate Services"),
          new GroupName(PORTFOLIO_HOLDERS, "Portfolio Holders"),
          new GroupName(DEMOCRATIC_SERVICES, "Democratic services"));

  /** Which council groups may start each process (from Tasklist or REST); providers: see below. */
  public static final Map<String, List<String>> STARTERS =
      Map.of(
          "contract-extension", List.of(COMMISSIONING_OFFICERS, CONTRACTS_MANAGERS),
          "serious-incident",
              List.of(QUALITY_ASSURANCE, CONTRACTS_MANAGERS, COMMISSIONING_OFFICERS, SAFEGUARDING),
          "complaint", List.of(COMMISSIONING_OFFICERS, CONTRACTS_MANAGERS, QUALITY_ASSURANCE),
          "qaf-assessment", List.of(COMMISSIONING_OFFICERS, CONTRACTS_MANAGERS, QUALITY_ASSURANCE),
          "qaf-supplementary", List.of(CONTRACTS_MANAGERS),
          "procurement",
              List.of(PROCUREMENT, PROCUREMENT_LEADS, COMMISSIONING_OFFICERS, CONTRACTS_MANAGERS),
          "performance-year", List.of(COMMISSIONING_OFFICERS, CONTRACTS_MANAGERS),
          "performance-return", List.of(COMMISSIONING_OFFICERS, CONTRACTS_MANAGERS),
          "options-appraisal", List.of(COMMISSIONING_OFFICERS, CONTRACTS_MANAGERS));

  /** Processes a provider's staff may start themselves, for their own organisation only. */
  public static final List<String> PROVIDER_STARTED = List.of("serious-incident", "complaint");

  public static String authority(String groupId) {
    return AUTHORITY_PREFIX + groupId;
  }

  public static boolean isCouncilGroup(String groupId) {
    return COUNCIL_GROUPS.stream().anyMatch(council -> council.id().equals(groupId));
  }

  public static boolean isProviderGroup(String groupId) {
    return groupId.startsWith(PROVIDER_GROUP_PREFIX);
  }

  public record GroupName(String id, String name) {}

  private Roles() {}
}
