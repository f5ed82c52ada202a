package uk.gov.council.commissioning.complaints;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.council.commissioning.deadlines.Deadlines;
import uk.gov.council.commissioning.safeguarding.SafeguardingProperties;
import uk.gov.council.commissioning.testkit.ProcessTest;
import uk.gov.council.commissioning.testkit.ProcessTestCase;

/** The V19 backfill on H2; ComplaintPostgresTest runs it on PostgreSQL. */
@ProcessTest
class ComplaintDeadlineBackfillTest extends ProcessTestCase {

  @Autowired DataSource dataSource;
  @Autowired Deadlines deadlines;
  @Autowired ComplaintDeadlines rules;
  @Autowired SafeguardingProperties safeguarding;

  @Test
  void runningComplaintsAndAlertsGetTheirDeadlines() throws SQLException {
    new DeadlineBackfill(jdbc, dataSource, deadlines, rules, safeguarding.screeningRule())
        .backfillsRunningCasesOnce(ComplaintTestData.alpha(contracts));
  }
}
