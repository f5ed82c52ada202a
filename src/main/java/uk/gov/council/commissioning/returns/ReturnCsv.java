package uk.gov.council.commissioning.returns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * A quarter's values as a CSV upload: a header row {@code catalogue,kpi,value,explanation}, then a
 * row a KPI. A field with a comma or a quote is quoted the usual way ("a, b" and "say ""yes""").
 * Unit numbers and comments come as the query parameters of the upload.
 */
final class ReturnCsv {

  static final List<String> HEADER = List.of("catalogue", "kpi", "value", "explanation");
  static final int MAX_CHARACTERS = 200_000;

  private ReturnCsv() {}

  static List<Submission.Value> values(String csv) {
    if (csv == null || csv.isBlank()) {
      throw new InvalidRequestException("body", "the CSV has no header row");
    }
    if (csv.length() > MAX_CHARACTERS) {
      throw new InvalidRequestException("body", "at most " + MAX_CHARACTERS + " characters");
    }
    List<List<String>> rows = rows(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
    List<String> header =
        rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    if (!header.equals(HEADER) && !header.equals(HEADER.subList(0, 3))) {
      throw new InvalidRequestException(
          "body", "the header row must be " + String.join(",", HEADER));
    }
    List<Submission.Value> values = new ArrayList<>();
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      if (row.stream().allMatch(String::isBlank)) {
        continue;
      }
      int index = values.size();
      if (row.size() < 3 || row.size() > 4) {
        problems.add(
            new FieldProblem("values[" + index + "]", "line " + (i + 1) + " needs 3 or 4 fields"));
        values.add(null);
        continue;
      }
      BigDecimal value = null;
      String text = row.get(2).strip();
      if (!text.isEmpty()) {
        try {
          value = new BigDecimal(text);
        } catch (NumberFormatException e) {
          problems.add(new FieldProblem("values[" + index + "].value", text + " is not a number"));
        }
      }
      values.add(
          new Submission.Value(row.get(0), row.get(1), value, row.size() > 3 ? row.get(3) : null));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return values;
  }

  private static List<List<String>> rows(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new InvalidRequestException("body", "a quoted field is not closed");
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
