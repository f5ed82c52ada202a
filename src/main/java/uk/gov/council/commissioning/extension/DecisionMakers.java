package uk.gov.council.commissioning.extension;

/** The titles behind the approval routes of the DMN table extension-approval-route. */
final class DecisionMakers {

  static String title(String route) {
    return switch (route) {
      case "CHIEF_OFFICER" -> "Chief Officer";
      case "PORTFOLIO_HOLDER" -> "Portfolio Holder";
      case "EXECUTIVE" -> "Executive";
      default -> "decision maker";
    };
  }

  private DecisionMakers() {}
}
