package uk.gov.council.commissioning.returns;

import java.util.Optional;
import java.util.function.Function;
import uk.gov.council.commissioning.kpis.ReportingQuarter;

/**
 * §4.1.6 "continued failure to make returns": how many quarters in a row a contract's returns were
 * late, counted back from a late quarter across reporting years (Q1 follows the previous year's
 * Q4).
 */
final class LateQuarters {

  /** A long break in reporting cannot make the count run on for ever. */
  private static final int MAX_LOOK_BACK = 40;

  private LateQuarters() {}

  /**
   * @param late the quarter found late now
   * @param lateOf whether an earlier quarter's return was late; empty when the contract had no
   *     return that quarter, which ends the run
   * @return 1 for the late quarter alone, 2 when the one before was late too, ...
   */
  static int inRow(ReportingQuarter late, Function<ReportingQuarter, Optional<Boolean>> lateOf) {
    int count = 1;
    ReportingQuarter earlier = late.previous();
    while (count < MAX_LOOK_BACK && lateOf.apply(earlier).orElse(false)) {
      count++;
      earlier = earlier.previous();
    }
    return count;
  }
}
