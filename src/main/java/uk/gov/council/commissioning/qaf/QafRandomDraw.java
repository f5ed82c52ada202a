package uk.gov.council.commissioning.qaf;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.springframework.stereotype.Component;

/**
 * The draw for the random sample of validation visits (seed 001 3.3 §3.3 (5)): a number from 0 to 1
 * that the decision table compares with the sample rate. Replaceable so tests can decide it.
 */
@Component
class QafRandomDraw {

  private static final DoubleSupplier RANDOM = () -> ThreadLocalRandom.current().nextDouble();

  private volatile DoubleSupplier source = RANDOM;

  public double draw() {
    return source.getAsDouble();
  }

  /** Draws from {@code replacement} from now on; null goes back to chance. */
  public void use(DoubleSupplier replacement) {
    this.source = replacement == null ? RANDOM : replacement;
  }
}
