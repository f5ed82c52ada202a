package uk.gov.council.commissioning.returns;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A provider's quarterly return (seed 001 Part 3.2 §4.1.1): the unit numbers, with the explanation
 * where they changed, the comments, and the value of each KPI with its explanation where it is
 * below its trigger (§4.1.3).
 */
public record Submission(
    Integer unitNumbers, String unitNumbersExplanation, String comments, List<Value> values) {

  public Submission {
    // Not List.copyOf: a null entry must reach the rules, which refuse it naming its place.
    values = values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    unitNumbersExplanation = blankToNull(unitNumbersExplanation);
    comments = blankToNull(comments);
  }

  /** One KPI's value: {@code catalogue} is the catalogue's code, {@code kpi} the KPI's. */
  public record Value(String catalogue, String kpi, BigDecimal value, String explanation) {
    public Value {
      catalogue = catalogue == null ? null : catalogue.strip();
      kpi = kpi == null ? null : kpi.strip();
      explanation = blankToNull(explanation);
    }
  }

  /**
   * The same for the same return, whatever the order of its values: a return sent twice is known as
   * one.
   */
  public String digest() {
    StringBuilder text = new StringBuilder();
    text.append(unitNumbers).append('\u001f').append(unitNumbersExplanation).append('\u001f');
    text.append(comments).append('\u001e');
    values.stream()
        .sorted(Comparator.comparing(Value::catalogue).thenComparing(Value::kpi))
        .forEach(
            v ->
                text.append(v.catalogue())
                    .append('\u001f')
                    .append(v.kpi())
                    .append('\u001f')
                    .append(
                        v.value() == null ? null : v.value().stripTrailingZeros().toPlainString())
                    .append('\u001f')
                    .append(v.explanation())
                    .append('\u001e'));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
