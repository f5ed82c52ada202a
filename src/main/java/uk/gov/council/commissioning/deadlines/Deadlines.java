package uk.gov.council.commissioning.deadlines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.cases.Databases;
import uk.gov.council.commissioning.cases.TransactionMemo;
import uk.gov.council.commissioning.compliance.DeadlineBreach.Kind;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;
import uk.gov.council.commissioning.deadlines.Deadline.State;
import uk.gov.council.commissioning.deadlines.DeadlineRule.Basis;

/**
 * The deadlines of every case, one {@code case_deadline} row each. A process schedules its
 * deadlines when its case starts, its timers read them with {@link #timer} (in BPMN: {@code
 * ${deadlines.timer(execution, 'KIND')}}), and its steps mark them {@link #met}, {@link #missed} or
 * {@link #waive waived}. All methods write in the caller's transaction.
 *
 * <p>Rows hold real due dates. Time acceleration (demos) compresses only what is handed to the
 * engine ({@link #timer}, {@link #taskDue}, {@link #forEngine}), so it is applied here and nowhere
 * else; a rule in ArchitectureRulesTest keeps it so.
 *
 * <p>A transaction keeps the due times it wrote or read, so that a start's timers and task due
 * dates, or an escalation's next task, do not read back the deadline the same transaction scheduled
 * or marked missed.
 */
@Service("deadlines")
public class Deadlines {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
  private static final DateTimeFormatter DAY_AND_TIME =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);

  private static final String COLUMNS =
      "case_type, case_reference, process_instance_id, kind, due_at, basis, amount,"
          + " calendar_region, seed_section, state, state_at";

  private static final String INSERT =
      "INSERT INTO case_deadline ("
          + COLUMNS
          + ") VALUES (:t, :r, :p, :k, :due, :basis, :amount, :region, :section, :state, :at)";

  private final JdbcClient jdbc;
  private final WorkingDayCalendar calendar;
  private final TimeAcceleration acceleration;
  private final DeadlineBreaches breaches;
  private final Clock clock;

  /** The due times this transaction wrote or read, by process instance and kind. */
  private final TransactionMemo<Due, Instant> dueInThisTransaction;

  /**
   * PostgreSQL says {@code UPDATE ... RETURNING}; H2 says {@code SELECT ... FROM FINAL TABLE
   * (UPDATE ...)}.
   */
  private final boolean returning;

  /**
   * @param jdbc and {@code dataSource}: the register; both null for a kit that only computes (unit
   *     tests of a process's rules)
   */
  public Deadlines(
      JdbcClient jdbc,
      DataSource dataSource,
      WorkingDayCalendar calendar,
      TimeAcceleration acceleration,
      DeadlineBreaches breaches,
      Clock clock) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.acceleration = acceleration;
    this.breaches = breaches;
    this.clock = clock;
    this.dueInThisTransaction = new TransactionMemo<>(dataSource);
    this.returning = dataSource != null && Databases.isPostgres(dataSource);
  }

  private record Due(String processInstanceId, String kind) {}

  /**
   * Records an open deadline for the case, due by {@code rule} from {@code from}. Scheduling the
   * same kind again (a retried start step) replaces it.
   *
   * @return when it is due
   */
  @Transactional
  public Instant schedule(CaseRef ref, String kind, DeadlineRule rule, Instant from) {
    Instant due = rule.dueFrom(from, calendar);
    String region = rule.basis() == Basis.WORKING_DAYS ? calendar.nation().name() : null;
    write(ref, kind, due, rule.basis(), rule.amount().toString(), region, rule.seedSection());
    return due;
  }

  /**
   * As {@link #schedule}, for a case that starts in this transaction and has no deadline of this
   * kind yet: one insert, where scheduling looks for a row to replace first.
   *
   * @param metAt when what the deadline asks for came with the start (a report that opened the
   *     case), so the deadline opens met; null for an open deadline
   * @return when it is due
   */
  @Transactional
  public Instant open(CaseRef ref, String kind, DeadlineRule rule, Instant from, Instant metAt) {
    Instant due = rule.dueFrom(from, calendar);
    String region = rule.basis() == Basis.WORKING_DAYS ? calendar.nation().name() : null;
    Map<String, Object> params =
        params(ref, kind, due, rule.basis(), rule.amount().toString(), region, rule.seedSection());
    params.put("state", (metAt == null ? State.OPEN : State.MET).name());
    params.put("at", utc(metAt == null ? clock.instant() : metAt));
    jdbc.sql(INSERT).params(params).update();
    remember(ref.processInstanceId(), kind, due);
    return due;
  }

  /**
   * Records an open deadline due at {@code due}, a moment the case's own rules fix rather than a
   * count from an event: a date in the register (a contract's end) or a period counted by rules of
   * the case's own (a procurement regime's standstill). The basis is {@link Basis#FIXED_DATE}.
   * Scheduling the same kind again replaces it.
   */
  @Transactional
  public Instant scheduleAt(CaseRef ref, String kind, Instant due, String seedSection) {
    write(ref, kind, due, Basis.FIXED_DATE, null, null, seedSection);
    return due;
  }

  /**
   * Moves a deadline to the end of {@code day} (an extension the complainant was told of) and opens
   * it again. The basis becomes {@link Basis#FIXED_DATE}.
   *
   * @return the new due instant
   */
  @Transactional
  public Instant reschedule(CaseRef ref, String kind, LocalDate day, String seedSection) {
    Instant due = endOf(day);
    write(ref, kind, due, Basis.FIXED_DATE, null, null, seedSection);
    return due;
  }

  /** What was due was done at {@code at}, in time or not. */
  @Transactional
  public boolean met(CaseRef ref, String kind, Instant at) {
    return setState(ref, kind, State.MET, at, null);
  }

  /** Nothing is owed any more (the case ended another way). */
  @Transactional
  public boolean waive(CaseRef ref, String kind) {
    return setState(ref, kind, State.WAIVED, clock.instant(), null);
  }

  /**
   * The deadline passed with nothing received. Only an open deadline becomes missed, so a timer job
   * that is retried or fires again records nothing more.
   *
   * @return true if this call marked it missed
   */
  @Transactional
  public boolean missed(CaseRef ref, String kind) {
    return setState(ref, kind, State.MISSED, clock.instant(), State.OPEN);
  }

  /**
   * As {@link #missed(CaseRef, String)}, and records the breach in the compliance register
   * (requirement = kind) for the reports, once.
   *
   * @param providerId the provider the breach counts against, or null for the council
   * @param detail what an officer reads about the breach
   */
  @Transactional
  public boolean missed(CaseRef ref, String kind, Long providerId, String detail) {
    Instant at = clock.instant();
    List<Instant> due =
        markReturningDue(
            "UPDATE case_deadline SET state = :s, state_at = :at"
                + " WHERE case_type = :t AND case_reference = :r AND kind = :k AND state = :from",
            Map.of(
                "s", State.MISSED.name(),
                "at", utc(at),
                "t", ref.caseType(),
                "r", ref.reference(),
                "k", kind,
                "from", State.OPEN.name()));
    if (due.isEmpty()) {
      return false;
    }
    remember(ref.processInstanceId(), kind, due.get(0));
    breaches.record(
        ref.caseType(), ref.reference(), providerId, kind, Kind.MISSED, due.get(0), at, detail);
    return true;
  }

  /** The case's deadlines, soonest first. */
  @Transactional(readOnly = true)
  public List<Deadline> of(String caseType, String reference) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM case_deadline WHERE case_type = :t AND case_reference = :r"
                + " ORDER BY due_at, kind")
        .param("t", caseType)
        .param("r", reference)
        .query(Deadlines::row)
        .list();
  }

  @Transactional(readOnly = true)
  public Optional<Deadline> find(CaseRef ref, String kind) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM case_deadline WHERE case_type = :t AND case_reference = :r AND kind = :k")
        .param("t", ref.caseType())
        .param("r", ref.reference())
        .param("k", kind)
        .query(Deadlines::row)
        .optional();
  }

  /**
   * For a BPMN timer's {@code timeDate} or a task's {@code dueDate}: when the process instance's
   * deadline of this kind is due, compressed when time is accelerated. Found by process instance,
   * never by a process variable, which whoever completes a task could change.
   */
  public Date timer(DelegateExecution execution, String kind) {
    return timer(execution, kind, Duration.ZERO);
  }

  /** As {@link #timer(DelegateExecution, String)}, {@code after} the deadline (a later chase). */
  public Date timer(DelegateExecution execution, String kind, Duration after) {
    String instance = execution.getProcessInstanceId();
    Instant due =
        dueInThisTransaction.computeIfAbsent(
            new Due(instance, kind),
            key ->
                jdbc.sql(
                        "SELECT due_at FROM case_deadline"
                            + " WHERE process_instance_id = :p AND kind = :k")
                    .param("p", instance)
                    .param("k", kind)
                    .query(OffsetDateTime.class)
                    .optional()
                    .map(OffsetDateTime::toInstant)
                    .orElse(null));
    if (due == null) {
      throw new IllegalStateException(
          "No " + kind + " deadline is scheduled for process instance " + instance);
    }
    return forEngine(due.plus(after));
  }

  /**
   * For an execution listener in a model: the process instance's deadline of this kind was met now
   * (the step it waited for was done, or the period it measured ran its course). Found by process
   * instance, like {@link #timer}; a deadline met or waived before stays as it was, one missed
   * becomes met late.
   */
  @Transactional
  public boolean met(DelegateExecution execution, String kind) {
    return setInstanceState(execution, kind, State.MET, State.OPEN, State.MISSED);
  }

  /**
   * For the execution listener of a timer that escalates: the process instance's deadline of this
   * kind passed with nothing done. Only an open deadline becomes missed, so a retried job records
   * nothing more. The council's own deadlines leave no breach row; a provider's use {@link
   * #missed(CaseRef, String, Long, String)}.
   */
  @Transactional
  public boolean missed(DelegateExecution execution, String kind) {
    Map<String, Object> params = new HashMap<>();
    params.put("s", State.MISSED.name());
    params.put("at", utc(clock.instant()));
    params.put("p", execution.getProcessInstanceId());
    params.put("k", kind);
    params.put("from", State.OPEN.name());
    List<Instant> due =
        markReturningDue(
            "UPDATE case_deadline SET state = :s, state_at = :at"
                + " WHERE process_instance_id = :p AND kind = :k AND state = :from",
            params);
    if (due.size() == 1) {
      remember(execution.getProcessInstanceId(), kind, due.get(0));
    }
    return !due.isEmpty();
  }

  /** For an execution listener: nothing is owed under this open deadline any more. */
  @Transactional
  public boolean waive(DelegateExecution execution, String kind) {
    return setInstanceState(execution, kind, State.WAIVED, State.OPEN);
  }

  private void write(
      CaseRef ref,
      String kind,
      Instant due,
      Basis basis,
      String amount,
      String region,
      String seedSection) {
    Map<String, Object> params = params(ref, kind, due, basis, amount, region, seedSection);
    int updated =
        jdbc.sql(
                """
                UPDATE case_deadline SET process_instance_id = :p, due_at = :due, basis = :basis,
                  amount = :amount, calendar_region = :region, seed_section = :section,
                  state = 'OPEN', state_at = :now
                WHERE case_type = :t AND case_reference = :r AND kind = :k
                """)
            .params(params)
            .update();
    if (updated == 0) {
      params.put("state", State.OPEN.name());
      params.put("at", params.get("now"));
      jdbc.sql(INSERT).params(params).update();
    }
    remember(ref.processInstanceId(), kind, due);
  }

  /**
   * Runs {@code update} (of {@code case_deadline}) and returns the due times of the rows it
   * changed, in the same statement: none when it changed nothing.
   */
  private List<Instant> markReturningDue(String update, Map<String, ?> params) {
    String sql =
        returning
            ? update + " RETURNING due_at"
            : "SELECT due_at FROM FINAL TABLE (" + update + ")";
    return jdbc.sql(sql).params(params).query(OffsetDateTime.class).list().stream()
        .map(OffsetDateTime::toInstant)
        .toList();
  }

  /**
   * This transaction wrote or read the due time: its timers and tasks need not read it again. Kept
   * as the register holds it, to the microsecond (both databases round a finer time half up).
   */
  private void remember(String processInstanceId, String kind, Instant due) {
    if (processInstanceId != null) {
      dueInThisTransaction.remember(
          new Due(processInstanceId, kind), due.plusNanos(500).truncatedTo(ChronoUnit.MICROS));
    }
  }

  private Map<String, Object> params(
      CaseRef ref,
      String kind,
      Instant due,
      Basis basis,
      String amount,
      String region,
      String seedSection) {
    Map<String, Object> params = new HashMap<>();
    params.put("t", ref.caseType());
    params.put("r", ref.reference());
    params.put("p", ref.processInstanceId());
    params.put("k", kind);
    params.put("due", utc(due));
    params.put("basis", basis.name());
    params.put("amount", amount);
    params.put("region", region);
    params.put("section", seedSection);
    params.put("now", utc(clock.instant()));
    return params;
  }

  private boolean setState(CaseRef ref, String kind, State state, Instant at, State onlyFrom) {
    return jdbc.sql(
                "UPDATE case_deadline SET state = :s, state_at = :at"
                    + " WHERE case_type = :t AND case_reference = :r AND kind = :k"
                    + (onlyFrom == null ? " AND state <> :s" : " AND state = :from"))
            .param("s", state.name())
            .param("at", utc(at))
            .param("t", ref.caseType())
            .param("r", ref.reference())
            .param("k", kind)
            .param("from", onlyFrom == null ? null : onlyFrom.name())
            .update()
        > 0;
  }

  private boolean setInstanceState(
      DelegateExecution execution, String kind, State state, State... onlyFrom) {
    return jdbc.sql(
                "UPDATE case_deadline SET state = :s, state_at = :at"
                    + " WHERE process_instance_id = :p AND kind = :k AND state IN (:from)")
            .param("s", state.name())
            .param("at", utc(clock.instant()))
            .param("p", execution.getProcessInstanceId())
            .param("k", kind)
            .param("from", java.util.Arrays.stream(onlyFrom).map(State::name).toList())
            .update()
        > 0;
  }

  private static Deadline row(ResultSet rs, int n) throws SQLException {
    return new Deadline(
        new CaseRef(
            rs.getString("case_type"),
            rs.getString("case_reference"),
            rs.getString("process_instance_id")),
        rs.getString("kind"),
        rs.getObject("due_at", OffsetDateTime.class).toInstant(),
        Basis.valueOf(rs.getString("basis")),
        rs.getString("amount"),
        rs.getString("calendar_region"),
        rs.getString("seed_section"),
        State.valueOf(rs.getString("state")),
        rs.getObject("state_at", OffsetDateTime.class).toInstant());
  }

  /**
   * The due date of a task that is not a deadline of the case (a council review, a provider's
   * answer to a question): the end of the working day {@code workingDays} working days after today,
   * as the engine takes it. Every process's task due dates come from here, so they count working
   * days and follow time acceleration alike.
   */
  public Date taskDue(int workingDays) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK);
    return forEngine(endOf(calendar.addWorkingDays(today, workingDays)));
  }

  /**
   * A real moment as the engine's timers and task due dates take it: compressed when time is
   * accelerated (demos), unchanged otherwise. The register keeps real moments; only what is handed
   * to the engine passes through here.
   */
  public Date forEngine(Instant real) {
    return acceleration.compressUntil(real);
  }

  /** The end of {@code day} in the UK: a deadline given as a day is met until midnight. */
  public Instant endOf(LocalDate day) {
    return calendar.startOfDayAfter(day).toInstant();
  }

  /** The last day on which a deadline that ends at a day's end can still be met. */
  public static LocalDate lastDay(Instant due) {
    return due.minusNanos(1).atZone(WorkingDayCalendar.UK).toLocalDate();
  }

  /** A deadline as an officer reads it: "end of Wed 30 Dec 2026" or "Fri 3 Apr 2026 10:00". */
  public static String describe(Instant due) {
    ZonedDateTime uk = due.atZone(WorkingDayCalendar.UK);
    if (uk.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      return "end of " + DAY.format(uk.minusDays(1));
    }
    return DAY_AND_TIME.format(uk);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
