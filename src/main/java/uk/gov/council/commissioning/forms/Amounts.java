package uk.gov.council.commissioning.forms;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sums of money as officers write them: "£2,100,000", "2100000.50". A comma is read only as a
 * thousands separator, so "12,5" is refused rather than read as 125 or 12.5 (a number field in
 * Camunda Forms would read "850,000" as 850.000, silently a thousand times too small).
 */
public final class Amounts {

  private static final Pattern AMOUNT =
      Pattern.compile("(-?)£?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?");

  /** The amount, or empty when the text is not one. */
  public static Optional<BigDecimal> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = AMOUNT.matcher(text.replaceAll("\\s", ""));
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new BigDecimal(
            m.group(1) + m.group(2).replace(",", "") + (m.group(3) == null ? "" : m.group(3))));
  }

  private Amounts() {}
}
