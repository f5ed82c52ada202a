package uk.gov.council.commissioning.qaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The grades table the moderation form shows as Markdown: the officer's explanation stays text. */
class QafModerationGradeTableTest {

  @Test
  void anExplanationShowsAsTypedInItsOwnCell() {
    String table =
        QafModerationSteps.gradeTable(
            List.of(
                new QafModerationSteps.Grade(
                    "C1.1",
                    "B",
                    "C",
                    "C",
                    "Evidence | thin\n<img src=x onerror=alert(1)> see [log](http://x)")));

    assertThat(table)
        .endsWith(
            "| C1.1 | B | C | C | Evidence \\| thin \\<img src\\=x onerror\\=alert\\(1\\)\\>"
                + " see \\[log\\]\\(http\\://x\\) |\n");
  }

  @Test
  void noExplanationLeavesTheCellEmpty() {
    assertThat(
            QafModerationSteps.gradeTable(
                List.of(new QafModerationSteps.Grade("C1.2", "A", null, null, null))))
        .endsWith("| C1.2 | A | - | - |  |\n");
  }
}
