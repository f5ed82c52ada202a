package uk.gov.council.commissioning.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.cases.InsertOnce;
import uk.gov.council.commissioning.compliance.DeadlineBreach;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;
import uk.gov.council.commissioning.deadlines.Deadline.State;
import uk.gov.council.commissioning.deadlines.DeadlineRule.Basis;
import uk.gov.council.commissioning.testkit.TestCalendars;

/** Deadlines as rows, on the real migrations and the bundled bank holidays. */
class DeadlinesTest {

  private static final WorkingDayCalendar CALENDAR = TestCalendars.englandAndWales();
  private static final CaseRef CASE = new CaseRef("COMPLAINT", "CP-2026-000001", "pi-1");

  private JdbcDataSource dataSource;
  private JdbcClient jdbc;
  private DeadlineBreaches breaches;

  @BeforeEach
  void database() {
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).load().migrate();
    jdbc = JdbcClient.create(dataSource);
    breaches =
        new DeadlineBreaches(
            jdbc, new InsertOnce(jdbc, dataSource, new DataSourceTransactionManager(dataSource)));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-30T09:00:00Z")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void workingDaysSkipTheEasterBankHolidaysAndEndAtMidnight() {
    // Received Tue 31 Mar 2026. Good Friday 3 Apr and Easter Monday 6 Apr are not working days:
    // Wed 1, Thu 2, Tue 7 Apr. Due at the end of Tue 7 Apr (BST): 23:00 UTC.
    Instant due =
        deadlines(1)
            .schedule(
                CASE,
                "ACKNOWLEDGEMENT",
                DeadlineRule.workingDays(3, "002 App K"),
                Instant.parse("2026-03-31T10:00:00Z"));

    assertThat(due).isEqualTo("2026-04-07T23:00:00Z");
    Deadline row = deadlines(1).of("COMPLAINT", "CP-2026-000001").get(0);
    assertThat(row.basis()).isEqualTo(Basis.WORKING_DAYS);
    assertThat(row.amount()).isEqualTo("PT72H");
    assertThat(row.calendarRegion()).isEqualTo("ENGLAND_AND_WALES");
    assertThat(row.seedSection()).isEqualTo("002 App K");
    assertThat(row.state()).isEqualTo(State.OPEN);
    assertThat(Deadlines.describe(due)).isEqualTo("end of Tue 7 Apr 2026");
    assertThat(Deadlines.lastDay(due)).isEqualTo(LocalDate.of(2026, 4, 7));
  }

  @Test
  void hoursRunWhateverTheDay() {
    // Fri 3 Apr 2026 (Good Friday) 10:00 UTC + 24 h.
    Instant due = acknowledgementWithin24Hours(Instant.parse("2026-04-03T10:00:00Z"));

    assertThat(due).isEqualTo("2026-04-04T10:00:00Z");
    assertThat(deadlines(1).find(CASE, "ACKNOWLEDGEMENT").orElseThrow().calendarRegion()).isNull();
  }

  @Test
  void calendarDaysEndAtTheEndOfTheLastDay() {
    assertThat(
            DeadlineRule.calendarDays(15, "002 App C 4.3")
                .dueFrom(Instant.parse("2026-01-01T09:00:00Z"), CALENDAR))
        .isEqualTo("2026-01-17T00:00:00Z");
  }

  @Test
  void missedIsRecordedOnceWithItsBreach() {
    Deadlines deadlines = deadlines(1);
    deadlines.schedule(
        CASE,
        "RESOLUTION",
        DeadlineRule.hours(Duration.ofHours(1), "002 App C 4.3"),
        Instant.parse("2026-03-30T08:00:00Z"));

    assertThat(deadlines.missed(CASE, "RESOLUTION", null, "Resolution not received")).isTrue();
    assertThat(deadlines.missed(CASE, "RESOLUTION", null, "Resolution not received")).isFalse();
    assertThat(deadlines.missed(CASE, "RESOLUTION")).isFalse();

    List<DeadlineBreach> recorded = breaches.ofCase("COMPLAINT", "CP-2026-000001");
    assertThat(recorded).hasSize(1);
    assertThat(recorded.get(0).requirement()).isEqualTo("RESOLUTION");
    assertThat(recorded.get(0).dueAt()).isEqualTo("2026-03-30T09:00:00Z");
    Deadline row = deadlines.find(CASE, "RESOLUTION").orElseThrow();
    assertThat(row.state()).isEqualTo(State.MISSED);
    assertThat(row.stateAt()).isEqualTo("2026-03-30T09:00:00Z");
  }

  @Test
  void aMetOrWaivedDeadlineIsNotMissed() {
    Deadlines deadlines = deadlines(1);
    DeadlineRule rule = DeadlineRule.hours(Duration.ofHours(1), "002 §10.3");
    deadlines.schedule(CASE, "A", rule, Instant.parse("2026-03-30T08:00:00Z"));
    deadlines.schedule(CASE, "B", rule, Instant.parse("2026-03-30T08:00:00Z"));

    assertThat(deadlines.met(CASE, "A", Instant.parse("2026-03-30T08:30:00Z"))).isTrue();
    assertThat(deadlines.waive(CASE, "B")).isTrue();
    assertThat(deadlines.missed(CASE, "A")).isFalse();
    assertThat(deadlines.missed(CASE, "B")).isFalse();
    assertThat(deadlines.of("COMPLAINT", "CP-2026-000001"))
        .extracting(Deadline::state)
        .containsExactly(State.MET, State.WAIVED);
  }

  @Test
  void rescheduleMovesTheDeadlineToTheEndOfTheDayAndOpensItAgain() {
    Deadlines deadlines = deadlines(1);
    deadlines.schedule(
        CASE,
        "RESPONSE",
        DeadlineRule.workingDays(20, "002 App K"),
        Instant.parse("2026-01-05T09:00:00Z"));
    deadlines.missed(CASE, "RESPONSE");

    Instant due = deadlines.reschedule(CASE, "RESPONSE", LocalDate.of(2026, 4, 17), "002 App K");

    assertThat(due).isEqualTo("2026-04-17T23:00:00Z");
    Deadline row = deadlines.find(CASE, "RESPONSE").orElseThrow();
    assertThat(row.basis()).isEqualTo(Basis.FIXED_DATE);
    assertThat(row.amount()).isNull();
    assertThat(row.dueAt()).isEqualTo(due);
    assertThat(row.state()).isEqualTo(State.OPEN);
    assertThat(deadlines.of("COMPLAINT", "CP-2026-000001")).hasSize(1);
  }

  @Test
  void timersFireAtTheDeadlineOrSoonerWhenTimeIsAccelerated() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-01-01T09:00:00Z")));
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getProcessInstanceId()).thenReturn("pi-1");
    acknowledgementWithin24Hours(Instant.parse("2026-01-01T09:00:00Z"));
    Date due = Date.from(Instant.parse("2026-01-02T09:00:00Z"));

    assertThat(deadlines(1).timer(execution, "ACKNOWLEDGEMENT")).isEqualTo(due);
    assertThat(deadlines(1).timer(execution, "ACKNOWLEDGEMENT", Duration.ofDays(2)))
        .isEqualTo(Date.from(Instant.parse("2026-01-04T09:00:00Z")));
    // 1440 times faster: the day to the deadline passes in a minute; the row stays real.
    assertThat(deadlines(1440).timer(execution, "ACKNOWLEDGEMENT"))
        .isEqualTo(Date.from(Instant.parse("2026-01-01T09:01:00Z")));
    assertThat(deadlines(1440).find(CASE, "ACKNOWLEDGEMENT").orElseThrow().dueAt())
        .isEqualTo(due.toInstant());
  }

  @Test
  void aTransactionTakesTheDueTimeItWroteWithoutReadingItBackAndTheNextReadsTheRegister() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-01-01T09:00:00Z")));
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getProcessInstanceId()).thenReturn("pi-1");
    Deadlines deadlines = deadlines(1);
    TransactionTemplate transaction =
        new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    Date due = Date.from(Instant.parse("2026-01-02T09:00:00Z"));
    Date movedBehindItsBack = Date.from(Instant.parse("2026-01-05T09:00:00Z"));

    Date inTheTransaction =
        transaction.execute(
            status -> {
              acknowledgementWithin24Hours(Instant.parse("2026-01-01T09:00:00Z"), deadlines);
              // Only Deadlines writes case_deadline; a change behind its back shows that the
              // transaction took what it wrote instead of reading the row again.
              jdbc.sql("UPDATE case_deadline SET due_at = :due")
                  .param("due", movedBehindItsBack.toInstant().atOffset(ZoneOffset.UTC))
                  .update();
              return deadlines.timer(execution, "ACKNOWLEDGEMENT");
            });

    assertThat(inTheTransaction).isEqualTo(due);
    Date inTheNext = transaction.execute(status -> deadlines.timer(execution, "ACKNOWLEDGEMENT"));
    assertThat(inTheNext).isEqualTo(movedBehindItsBack);
    // Marked missed in a transaction: the mark returns the due time, which a chase then takes.
    Date chase =
        transaction.execute(
            status -> {
              assertThat(deadlines.missed(CASE, "ACKNOWLEDGEMENT", null, "Not acknowledged"))
                  .isTrue();
              return deadlines.timer(execution, "ACKNOWLEDGEMENT", Duration.ofDays(1));
            });
    assertThat(chase).isEqualTo(Date.from(Instant.parse("2026-01-06T09:00:00Z")));
    assertThat(breaches.ofCase("COMPLAINT", "CP-2026-000001"))
        .extracting(DeadlineBreach::dueAt)
        .containsExactly(movedBehindItsBack.toInstant());
  }

  @Test
  void aTaskIsDueAtTheEndOfItsLastWorkingDayOrSoonerWhenTimeIsAccelerated() {
    // Thursday 2 April 2026, 09:00 BST; Good Friday and Easter Monday are bank holidays, so two
    // working days on are Tuesday 7 and Wednesday 8 April: due at midnight after the 8th.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-04-02T08:00:00Z")));
    Instant endOfWednesday = Instant.parse("2026-04-08T23:00:00Z");

    assertThat(deadlines(1).taskDue(2)).isEqualTo(Date.from(endOfWednesday));
    assertThat(deadlines(1).forEngine(endOfWednesday)).isEqualTo(Date.from(endOfWednesday));
    // 6 days 15 hours at 1440 times faster: 6 minutes 37.5 seconds.
    Date accelerated = Date.from(Instant.parse("2026-04-02T08:06:37.500Z"));
    assertThat(deadlines(1440).taskDue(2)).isEqualTo(accelerated);
    assertThat(deadlines(1440).forEngine(endOfWednesday)).isEqualTo(accelerated);
    // A moment already past is handed over as it is.
    Instant yesterday = Instant.parse("2026-04-01T08:00:00Z");
    assertThat(deadlines(1440).forEngine(yesterday)).isEqualTo(Date.from(yesterday));
  }

  @Test
  void aModelMarksItsInstancesDeadlineMetMissedOrWaivedOnceAndNeverUndoesAWaiver() {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getProcessInstanceId()).thenReturn("pi-1");
    Deadlines deadlines = deadlines(1);
    Instant due = Instant.parse("2026-04-01T00:00:00Z");
    deadlines.scheduleAt(CASE, "ESCALATION", due, "000 §4.9");
    deadlines.scheduleAt(CASE, "LAPSE", due, "000 §12.1");
    deadlines.scheduleAt(CASE, "CALL_IN", due, "000 front sheet");

    // The timer escalates; a retried job changes nothing; the decision comes later: met, late.
    assertThat(deadlines.missed(execution, "ESCALATION")).isTrue();
    assertThat(deadlines.missed(execution, "ESCALATION")).isFalse();
    assertThat(deadlines.find(CASE, "ESCALATION").orElseThrow().state()).isEqualTo(State.MISSED);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-04-02T10:00:00Z")));
    assertThat(deadlines.met(execution, "ESCALATION")).isTrue();
    Deadline late = deadlines.find(CASE, "ESCALATION").orElseThrow();
    assertThat(late.state()).isEqualTo(State.MET);
    assertThat(late.stateAt()).isEqualTo("2026-04-02T10:00:00Z").isAfter(late.dueAt());

    // Met in time stays met: a later timer cannot mark it missed.
    assertThat(deadlines.met(execution, "LAPSE")).isTrue();
    assertThat(deadlines.missed(execution, "LAPSE")).isFalse();
    assertThat(deadlines.find(CASE, "LAPSE").orElseThrow().state()).isEqualTo(State.MET);

    // Waived (a call-in came): neither the end of the period nor a timer turns it back.
    assertThat(deadlines.waive(execution, "CALL_IN")).isTrue();
    assertThat(deadlines.met(execution, "CALL_IN")).isFalse();
    assertThat(deadlines.missed(execution, "CALL_IN")).isFalse();
    assertThat(deadlines.find(CASE, "CALL_IN").orElseThrow().state()).isEqualTo(State.WAIVED);

    // Another instance's rows, or a kind never scheduled, are not touched.
    DelegateExecution other = mock(DelegateExecution.class);
    when(other.getProcessInstanceId()).thenReturn("pi-2");
    deadlines.scheduleAt(CASE, "COMMENCEMENT", due, "000 §6.5");
    assertThat(deadlines.met(other, "COMMENCEMENT")).isFalse();
    assertThat(deadlines.met(execution, "NOT_SCHEDULED")).isFalse();
    assertThat(deadlines.find(CASE, "COMMENCEMENT").orElseThrow().state()).isEqualTo(State.OPEN);
    assertThat(breaches.ofCase("COMPLAINT", "CP-2026-000001")).isEmpty();
  }

  /** A provider's acknowledgement deadline (24 hours), scheduled without acceleration. */
  private Instant acknowledgementWithin24Hours(Instant from) {
    return acknowledgementWithin24Hours(from, deadlines(1));
  }

  private Instant acknowledgementWithin24Hours(Instant from, Deadlines deadlines) {
    return deadlines.schedule(
        CASE, "ACKNOWLEDGEMENT", DeadlineRule.hours(Duration.ofHours(24), "002 App C 4.2"), from);
  }

  private Deadlines deadlines(double acceleration) {
    EngineClock clock = new EngineClock();
    return new Deadlines(
        jdbc, dataSource, CALENDAR, new TimeAcceleration(acceleration, clock), breaches, clock);
  }
}
