package uk.gov.council.commissioning.meetings;

import java.util.ArrayList;
import java.util.List;

/**
 * A text field written one entry a line (a schedule's adjustments, a meeting's actions): its lines
 * that are not blank, each with how a refusal names it ("actions: line 3 ").
 */
final class NumberedLines {

  /**
   * @param where the field and the line's number as written, for a refusal
   * @param text the line without surrounding spaces
   */
  record Line(String where, String text) {}

  private NumberedLines() {}

  static List<Line> of(String field, String text) {
    List<Line> lines = new ArrayList<>();
    if (text == null) {
      return lines;
    }
    String[] all = text.split("\\R");
    for (int i = 0; i < all.length; i++) {
      String line = all[i].strip();
      if (!line.isEmpty()) {
        lines.add(new Line(field + ": line " + (i + 1) + " ", line));
      }
    }
    return lines;
  }
}
