package uk.gov.council.commissioning.decisions;

import uk.gov.council.commissioning.security.Roles;

/**
 * Who decides, as the decision-route table names them, with the group whose Tasklist shows the
 * decision: an Executive resolution is recorded by democratic services.
 */
public enum DecisionMaker {
  CHIEF_OFFICER("Chief Officer", Roles.CHIEF_OFFICERS),
  PORTFOLIO_HOLDER("Portfolio Holder", Roles.PORTFOLIO_HOLDERS),
  EXECUTIVE("Executive", Roles.DEMOCRATIC_SERVICES);

  private final String title;
  private final String group;

  DecisionMaker(String title, String group) {
    this.title = title;
    this.group = group;
  }

  public String title() {
    return title;
  }

  public String group() {
    return group;
  }

  /** The title for a route as recorded, or a neutral one for a route the table no longer has. */
  public static String titleOf(Object route) {
    for (DecisionMaker maker : values()) {
      if (maker.name().equals(String.valueOf(route))) {
        return maker.title;
      }
    }
    return "decision maker";
  }
}
