package uk.gov.council.commissioning.appraisals;

import java.math.BigDecimal;
import java.util.List;
import uk.gov.council.commissioning.security.Roles;

/**
 * Seed 003 as a decision report: the Cabinet Member's decision on money management support and
 * direct payment support services (Coventry), three options, the first recommended: a new 2-year
 * contract with provision for subcontracting. The demo submits it; the tests run it through.
 *
 * <p>The seed gives the current contract's annual spend (approximately £250k) and no value for the
 * decision; the report uses that annual spend as the value the rules use, which routes it as the
 * seed decided it: not key, agreed by the Chief Officer, decided by the Portfolio Holder (the
 * Cabinet Member for Adult Services).
 */
public final class CoventryAppraisal {

  public static final String TITLE = "Money Management Support - Direct Payment Support Services";

  /**
   * The private report's content is not in the seed ("a corresponding private report which detailed
   * confidential aspects of the proposals"): this stands in for it.
   */
  public static final String ANNEX =
      "CONFIDENTIAL: the current provider's pricing per account, the sub-contracting rates it"
          + " proposes and the financial envelope for the 2-year contract.";

  private CoventryAppraisal() {}

  public static AppraisalRequest report() {
    return new AppraisalRequest(
        TITLE,
        "Adult Social Care: direct payments",
        "Deputy Chief Executive (People)",
        "Cabinet Member for Adult Services",
        "Direct Payments enable people to control how their personal budget is spent. Support to"
            + " administer direct payments is provided through a single contract with an annual"
            + " spend of approximately £250k, which expires on 31 March 2018. The 2016 peer"
            + " challenge recommended that options for Direct Payments support be considered,"
            + " especially choice of provision. A regional workshop found that a range of direct"
            + " payment support organisations in itself produced no tangible benefits and risked a"
            + " dis-economy of scale. Section 1.5 sets out improvements: growing the Personal"
            + " Assistants market, a personal health budgets offer, promoting take-up of Direct"
            + " Payments, sub-regional commissioning for exceptional cases, sub-contracting in the"
            + " contract terms, and customer satisfaction surveys.",
        ANNEX,
        List.of(Roles.COMMISSIONING_OFFICERS, Roles.CHIEF_OFFICERS, Roles.PORTFOLIO_HOLDERS),
        new BigDecimal("250000.00"),
        24,
        null,
        false,
        null,
        false,
        List.of(
            new AppraisalRequest.Option(
                "A new contract and service specification for 2 years, including provision for"
                    + " subcontracting to alternative providers where the main provider is not the"
                    + " person's preferred choice.",
                "Costs contained; simplicity; offers choice; minimal back office costs; greater"
                    + " negotiation leverage; maximises operational headroom within the financial"
                    + " envelope; supports the personal health budgets offer, enabling continuity"
                    + " for citizens.",
                "Operating through one main provider could limit choice, as sub-contracting is"
                    + " viable only where organisations are willing and able to act as"
                    + " sub-contractors.",
                true,
                "The preferred option: choice within one organisation, with the improvements of"
                    + " section 1.5, at the least cost.",
                "PROCURE"),
            new AppraisalRequest.Option(
                "Establish a framework allowing a range of providers in the market place that"
                    + " individuals could purchase from.",
                "A greater choice of provider.",
                "May increase costs overall as economies of scale would not be realised; a greater"
                    + " range of providers does not in itself give a greater degree of choice, as"
                    + " support offers can be very similar.",
                false,
                "Not recommended: higher cost without a real gain in choice.",
                "PROCURE"),
            new AppraisalRequest.Option(
                "Do not contract for Direct Payment support: offer individuals a set amount within"
                    + " their personal budgets to buy a service in the market outside contracted"
                    + " provision.",
                "More choice and autonomy for service users.",
                "A limited market, so the ability to buy an appropriate support service would be"
                    + " limited, reducing the attractiveness of direct payments; no contractual"
                    + " governance and so no assurance of the standard of service.",
                false,
                "Not recommended: the market and assurance risks outweigh the autonomy gained.",
                "OTHER")));
  }
}
