package uk.gov.council.commissioning.audits;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.audits.AuditRegister.RiskRow;
import uk.gov.council.commissioning.audits.Checklist.Clause;
import uk.gov.council.commissioning.audits.Checklist.Section;
import uk.gov.council.commissioning.audits.ComplianceAudit.ClauseRisk;
import uk.gov.council.commissioning.calendar.WorkingDayCalendar;
import uk.gov.council.commissioning.cases.RegisterColumns;
import uk.gov.council.commissioning.complaints.ComplaintHistory;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;
import uk.gov.council.commissioning.contracts.ContractService;
import uk.gov.council.commissioning.contracts.Provider;
import uk.gov.council.commissioning.escalation.CaseMail;
import uk.gov.council.commissioning.incidents.IncidentHistory;
import uk.gov.council.commissioning.notify.RecipientDirectory;
import uk.gov.council.commissioning.qaf.QafHistory;
import uk.gov.council.commissioning.safeguarding.SafeguardingHistory;
import uk.gov.council.commissioning.security.Actor;
import uk.gov.council.commissioning.security.ProviderScope;
import uk.gov.council.commissioning.security.Roles;
import uk.gov.council.commissioning.web.FieldProblem;
import uk.gov.council.commissioning.web.InvalidRequestException;

/**
 * The compliance audits before a contract management meeting (seed 001 Part 3.1 §3.2-§3.4): the
 * internal desk-top review against the Appendix 3 checklist with a Low/Medium/High risk per clause
 * by the Appendix 2 rule, Medium and High risks to the contracts managers and the monthly Contracts
 * Update, and, when one is decided, the audit with the provider: its date and the areas to be
 * evidenced sent to the provider, the revised risk per clause, a summary, and the Medium risks that
 * moved to High reported to the Core Strategy Group. Bad input is refused naming the field, and
 * nothing is written.
 */
@Service
@RequiredArgsConstructor
public class ComplianceAudits {

  static final int TEXT_LIMIT = 2000;
  static final int LONG_TEXT_LIMIT = 4000;

  private final AuditRegister register;
  private final Checklist checklist;
  private final RiskRule rule;
  private final QafHistory qaf;
  private final ComplaintHistory complaints;
  private final IncidentHistory incidents;
  private final SafeguardingHistory safeguarding;
  private final DeadlineBreaches breaches;
  private final ContractService contracts;
  private final CaseMail mail;
  private final RecipientDirectory recipients;
  private final Clock clock;

  /**
   * Opens the desk-top audit for the meeting, once: a second call (a retried job) finds the first.
   *
   * @return the audit's id
   * @throws IllegalArgumentException when there is no such meeting
   */
  @Transactional
  public long openFor(long meetingId, String processInstanceId) {
    if (!register.open(meetingId, processInstanceId, clock.instant())) {
      throw new IllegalArgumentException("No contract management meeting " + meetingId);
    }
    return register.forMeeting(meetingId).orElseThrow().id();
  }

  /** The audit as {@code user} may see it: another provider's is not found. */
  @Transactional(readOnly = true)
  public Optional<ComplianceAudit> find(long id, Actor user) {
    return ProviderScope.find(user, register.find(id), ComplianceAudit::providerGroup)
        .map(this::withRisks);
  }

  /** The meeting's audit as {@code user} may see it. */
  @Transactional(readOnly = true)
  public Optional<ComplianceAudit> forMeeting(long meetingId, Actor user) {
    return ProviderScope.find(user, register.forMeeting(meetingId), ComplianceAudit::providerGroup)
        .map(this::withRisks);
  }

  /** Every audit the user may see, the latest meeting first, without their checklists. */
  @Transactional(readOnly = true)
  public List<ComplianceAudit> list(Actor user) {
    return ProviderScope.visible(user, register::ofOrganisations, register::all).stream().toList();
  }

  /** §3.2: what the system knows of the provider over the twelve months before the audit opened. */
  @Transactional(readOnly = true)
  public DeskTopView deskTop(ComplianceAudit audit) {
    Instant since = audit.openedAt().atZone(WorkingDayCalendar.UK).minusMonths(12).toInstant();
    long provider = audit.providerId();
    return new DeskTopView(
        since,
        qaf.gradesSince(provider, since),
        qaf.openImprovementPlans(provider),
        complaints.since(provider, since),
        incidents.since(provider, since),
        safeguarding.since(provider, since),
        breaches.ofProviderSince(provider, since));
  }

  /** The sections of the checklist, for a clause to be added to. */
  @Transactional(readOnly = true)
  public List<String> sectionCodes() {
    return checklist.sections().stream().map(Section::code).toList();
  }

  /** The checklist an audit of the provider uses: the standard clauses and the provider's own. */
  @Transactional(readOnly = true)
  public List<ClauseRisk> checklistFor(long providerId) {
    return checklist.clausesFor(providerId).stream().map(c -> clauseRisk(c, null)).toList();
  }

  /**
   * §3.2: adds a concern of the purchasing officers' to the checklist of one provider.
   *
   * @return the clause as it will appear in the provider's audits
   */
  @Transactional
  public ClauseRisk addClause(Long providerId, String sectionCode, String text, String by) {
    List<FieldProblem> problems = new ArrayList<>();
    Optional<Provider> provider =
        providerId == null ? Optional.empty() : contracts.findProviderById(providerId);
    if (provider.isEmpty()) {
      problems.add(new FieldProblem("providerId", "must name a provider of the register"));
    }
    Optional<Section> section =
        sectionCode == null || sectionCode.isBlank()
            ? Optional.empty()
            : checklist.section(sectionCode);
    if (section.isEmpty()) {
      problems.add(
          new FieldProblem("section", "must be one of " + String.join(", ", sectionCodes())));
    }
    if (text == null || text.isBlank()) {
      problems.add(new FieldProblem("text", "is required: what is to be reviewed"));
    } else if (text.strip().length() > 1000) {
      problems.add(new FieldProblem("text", "must be at most 1000 characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return clauseRisk(checklist.add(provider.get().id(), section.get(), text.strip(), by), null);
  }

  /**
   * §3.2: the desk-top risks of some clauses. Each level is the one the Appendix 2 rule gives from
   * the criteria that apply, unless the officer decides another with a reason. Allowed while the
   * desk-top review is open; the whole entry is refused when any clause's is wrong.
   */
  @Transactional
  public ComplianceAudit assess(long auditId, List<RiskEntry> entries, String by) {
    ComplianceAudit row = row(auditId);
    requireStatus(row, ComplianceAudit.DESK_TOP, "the desk-top review is complete");
    List<Checked> checked = check(entries, allowedClauses(row), false);
    Instant now = clock.instant();
    for (Checked c : checked) {
      register.saveRisk(
          auditId,
          new RiskRow(
              c.clauseId(),
              c.comments(),
              c.criteria(),
              c.suggested(),
              c.level(),
              c.reason(),
              by,
              null,
              null,
              null,
              null),
          now);
    }
    return withRisks(row(auditId));
  }

  /**
   * §3.2: the desk-top review is done.
   *
   * @return the number of clauses assessed Medium or High
   */
  @Transactional
  public int completeDeskTop(long auditId) {
    ComplianceAudit row = row(auditId);
    ComplianceAudit audit = withRisks(row);
    if (ComplianceAudit.DESK_TOP.equals(row.status())) {
      String officer =
          audit.checklist().stream()
              .map(ClauseRisk::assessedBy)
              .filter(a -> a != null)
              .findFirst()
              .orElse(null);
      register.move(
          auditId,
          ComplianceAudit.DESK_TOP,
          ComplianceAudit.DESK_TOP_DONE,
          mapOf("desk_top_done_at", clock.instant(), "desk_top_officer", officer));
    }
    return audit.concerns().size();
  }

  /**
   * §3.2: "Medium and High risk concerns are reported to the Contracts Manager", who includes them
   * in the monthly Contracts Update to the CSG. Once per audit, however often it is called.
   *
   * @return the number of Medium and High risks reported
   */
  @Transactional
  public int reportRisks(long auditId) {
    ComplianceAudit audit = withRisks(row(auditId));
    List<ClauseRisk> concerns = audit.concerns();
    if (register.stamp(auditId, "risks_reported_at", clock.instant()) && !concerns.isEmpty()) {
      sendRisks(
          audit,
          "audits/risks-reported",
          recipients.emailsOfGroup(Roles.CONTRACTS_MANAGERS),
          lines(concerns, ClauseRisk::riskLevel),
          concerns.size());
    }
    return concerns.size();
  }

  /**
   * §3.3: the audit with the provider is planned: its date, before the meeting, and the areas to be
   * evidenced, which are sent to the provider.
   */
  @Transactional
  public ComplianceAudit planProviderAudit(
      long auditId, String auditDate, String areasToEvidence, String by) {
    ComplianceAudit row = row(auditId);
    if (!ComplianceAudit.DESK_TOP_DONE.equals(row.status())
        && !ComplianceAudit.PROVIDER_AUDIT.equals(row.status())) {
      throw conflict(
          row,
          "the audit with the provider can be planned once the desk-top review is done"
              + " and until it is reported");
    }
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate date = null;
    try {
      date = auditDate == null || auditDate.isBlank() ? null : LocalDate.parse(auditDate.strip());
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem("auditDate", "must be a date as yyyy-mm-dd"));
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.UK);
    if (date == null && problems.isEmpty()) {
      problems.add(
          new FieldProblem("auditDate", "is required: the day of the audit, as yyyy-mm-dd"));
    } else if (date != null && date.isBefore(today)) {
      problems.add(new FieldProblem("auditDate", date + " has passed"));
    } else if (date != null && date.isAfter(row.meetingDate())) {
      problems.add(
          new FieldProblem(
              "auditDate", "must be on or before the meeting on " + row.meetingDate()));
    }
    if (areasToEvidence == null || areasToEvidence.isBlank()) {
      problems.add(
          new FieldProblem("areasToEvidence", "is required: what the provider is to evidence"));
    } else if (areasToEvidence.strip().length() > LONG_TEXT_LIMIT) {
      problems.add(new FieldProblem("areasToEvidence", "must be at most 4000 characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    register.move(
        auditId,
        row.status(),
        ComplianceAudit.PROVIDER_AUDIT,
        mapOf(
            "audit_date",
            date,
            "areas_to_evidence",
            areasToEvidence.strip(),
            "audit_officer",
            by,
            "audit_planned_at",
            clock.instant()));
    Provider provider = contracts.findProviderById(row.providerId()).orElseThrow();
    Set<String> to = new LinkedHashSet<>(recipients.emailsOfGroup(provider.organisationGroup()));
    if (provider.contactEmail() != null) {
      to.add(provider.contactEmail());
    }
    mail.sendFor(
        "audit-" + auditId + "-" + date,
        "audits/areas-to-evidence",
        to,
        Map.of(
            "providerName", row.providerName(),
            "contractReference", row.contractReference(),
            "meetingDate", row.meetingDate().toString(),
            "auditDate", date.toString(),
            "areas", areasToEvidence.strip(),
            "auditId", auditId));
    return withRisks(row(auditId));
  }

  /**
   * §3.4: after the audit with the provider, what was evidenced and the revised risk of clauses
   * assessed in the desk-top review, and the brief summary for the meeting (either may come alone).
   */
  @Transactional
  public ComplianceAudit revise(long auditId, List<RiskEntry> entries, String summary, String by) {
    ComplianceAudit row = row(auditId);
    requireStatus(row, ComplianceAudit.PROVIDER_AUDIT, "no audit with the provider is open");
    Set<Long> assessed = register.risks(auditId).keySet();
    List<Checked> checked =
        entries == null || entries.isEmpty() ? List.of() : check(entries, assessed::contains, true);
    if (summary != null && summary.strip().length() > LONG_TEXT_LIMIT) {
      throw new InvalidRequestException("summary", "must be at most 4000 characters");
    }
    Instant now = clock.instant();
    for (Checked c : checked) {
      register.saveRevised(auditId, c.clauseId(), c.comments(), c.level(), c.reason(), by, now);
    }
    if (summary != null && !summary.isBlank()) {
      register.setSummary(auditId, summary.strip());
    }
    return withRisks(row(auditId));
  }

  /**
   * §3.4: the audit with the provider is reported. Needs its summary.
   *
   * @return the number of Medium risks that moved to High
   * @throws IllegalStateException when no summary is recorded (the step fails with that message and
   *     can be retried once it is)
   */
  @Transactional
  public int completeProviderAudit(long auditId) {
    ComplianceAudit row = row(auditId);
    if (ComplianceAudit.PROVIDER_AUDIT.equals(row.status())) {
      if (row.summary() == null || row.summary().isBlank()) {
        throw new IllegalStateException(
            "Compliance audit "
                + auditId
                + " has no summary: record it at /audits/"
                + auditId
                + " and retry");
      }
      register.move(
          auditId,
          ComplianceAudit.PROVIDER_AUDIT,
          ComplianceAudit.COMPLETE,
          mapOf("audit_done_at", clock.instant()));
    }
    return withRisks(row(auditId)).raisedToHigh().size();
  }

  /**
   * §3.4: "The Contracts Manager shall report to the CSG any Medium risk issues that may have moved
   * to High": to the Core Strategy Group with the contracts managers copied, once per audit.
   *
   * @return the number of risks reported
   */
  @Transactional
  public int reportRaised(long auditId) {
    ComplianceAudit audit = withRisks(row(auditId));
    List<ClauseRisk> raised = audit.raisedToHigh();
    if (register.stamp(auditId, "raised_reported_at", clock.instant()) && !raised.isEmpty()) {
      Set<String> to = new LinkedHashSet<>(recipients.emailsOfGroup(Roles.CORE_STRATEGY_GROUP));
      to.addAll(recipients.emailsOfGroup(Roles.CONTRACTS_MANAGERS));
      sendRisks(
          audit,
          "audits/raised-to-high",
          to,
          lines(raised, ClauseRisk::revisedLevel),
          raised.size());
    }
    return raised.size();
  }

  /** Emails the audit's risks: once per audit and template. */
  private void sendRisks(
      ComplianceAudit audit, String template, Collection<String> to, String risks, int count) {
    mail.sendFor(
        "audit-" + audit.id(),
        template,
        to,
        Map.of(
            "providerName", audit.providerName(),
            "contractReference", audit.contractReference(),
            "meetingDate", audit.meetingDate().toString(),
            "count", count,
            "risks", risks,
            "auditId", audit.id()));
  }

  /** §3.2, §3.4: the month's Medium and High risks and Medium-to-High moves, for the CSG. */
  @Transactional(readOnly = true)
  public ContractsUpdate contractsUpdate(YearMonth month) {
    Instant from = month.atDay(1).atStartOfDay(WorkingDayCalendar.UK).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(WorkingDayCalendar.UK).toInstant();
    Predicate<Instant> inMonth = t -> t != null && !t.isBefore(from) && t.isBefore(to);
    List<ContractsUpdate.Line> risks = new ArrayList<>();
    List<ContractsUpdate.Line> raised = new ArrayList<>();
    for (ComplianceAudit row : register.reportedBetween(from, to)) {
      ComplianceAudit audit = withRisks(row);
      if (inMonth.test(row.risksReportedAt())) {
        audit.concerns().forEach(c -> risks.add(line(audit, c, c.riskLevel())));
      }
      if (inMonth.test(row.raisedReportedAt())) {
        audit.raisedToHigh().forEach(c -> raised.add(line(audit, c, c.revisedLevel())));
      }
    }
    return new ContractsUpdate(month, risks, raised);
  }

  private static ContractsUpdate.Line line(ComplianceAudit audit, ClauseRisk c, RiskLevel level) {
    return new ContractsUpdate.Line(
        audit.id(),
        audit.providerName(),
        audit.contractReference(),
        audit.meetingDate(),
        c.section(),
        c.clause(),
        level);
  }

  /** An entry that passed the checks, with the level it gives. */
  private record Checked(
      long clauseId,
      String comments,
      List<RiskCriterion> criteria,
      RiskLevel suggested,
      RiskLevel level,
      String reason) {}

  /**
   * Checks every entry before anything is written. In the desk-top review a level other than the
   * criteria give needs a reason; after the audit with the provider the revised level is the
   * officer's, and what was evidenced (the comments) stands for the reason.
   */
  private List<Checked> check(List<RiskEntry> entries, Predicate<Long> allowed, boolean revised) {
    String field = "risks";
    if (entries == null || entries.isEmpty()) {
      throw new InvalidRequestException(field, "is required: at least one clause's risk");
    }
    List<FieldProblem> problems = new ArrayList<>();
    List<Checked> checked = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      String at = field + "[" + i + "].";
      RiskEntry entry = entries.get(i);
      if (entry == null) {
        problems.add(new FieldProblem(field + "[" + i + "]", "is required"));
        continue;
      }
      int before = problems.size();
      if (entry.clauseId() == null || !allowed.test(entry.clauseId())) {
        problems.add(
            new FieldProblem(at + "clauseId", "must be a clause of this audit's checklist"));
      } else if (!seen.add(entry.clauseId())) {
        problems.add(new FieldProblem(at + "clauseId", "is given twice"));
      }
      List<RiskCriterion> criteria = new ArrayList<>();
      for (String name : entry.criteria() == null ? List.<String>of() : entry.criteria()) {
        Optional<RiskCriterion> criterion = RiskCriterion.parse(name);
        if (criterion.isEmpty()) {
          problems.add(
              new FieldProblem(
                  at + "criteria",
                  name
                      + " is not an Appendix 2 criterion; they are "
                      + Arrays.stream(RiskCriterion.values())
                          .map(Enum::name)
                          .collect(Collectors.joining(", "))));
        } else if (!criteria.contains(criterion.get())) {
          criteria.add(criterion.get());
        }
      }
      Optional<RiskLevel> chosen = Optional.empty();
      if (entry.riskLevel() != null && !entry.riskLevel().isBlank()) {
        chosen = RiskLevel.parse(entry.riskLevel());
        if (chosen.isEmpty()) {
          problems.add(new FieldProblem(at + "riskLevel", RiskLevel.ALLOWED));
        }
      }
      if (entry.comments() != null && entry.comments().strip().length() > TEXT_LIMIT) {
        problems.add(new FieldProblem(at + "comments", "must be at most 2000 characters"));
      }
      if (entry.reason() != null && entry.reason().strip().length() > 1000) {
        problems.add(new FieldProblem(at + "reason", "must be at most 1000 characters"));
      }
      if (revised && (entry.comments() == null || entry.comments().isBlank())) {
        problems.add(new FieldProblem(at + "comments", "is required: what was evidenced"));
      }
      if (revised && chosen.isEmpty() && criteria.isEmpty() && problems.size() == before) {
        problems.add(
            new FieldProblem(
                at + "riskLevel", "is required: the revised level (Low, Medium or High)"));
      }
      if (problems.size() > before) {
        continue;
      }
      RiskLevel suggested = rule.suggest(criteria);
      RiskLevel level = chosen.orElse(suggested);
      String reason = blankToNull(entry.reason());
      if (!revised && level != suggested && reason == null) {
        problems.add(
            new FieldProblem(
                at + "reason",
                "is required when the level ("
                    + level.label()
                    + ") differs from the one the criteria give ("
                    + suggested.label()
                    + ")"));
        continue;
      }
      checked.add(
          new Checked(
              entry.clauseId(), blankToNull(entry.comments()), criteria, suggested, level, reason));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return checked;
  }

  private Predicate<Long> allowedClauses(ComplianceAudit row) {
    Set<Long> ids =
        checklist.clausesFor(row.providerId()).stream().map(Clause::id).collect(Collectors.toSet());
    return ids::contains;
  }

  private ComplianceAudit row(long auditId) {
    return register
        .find(auditId)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No audit " + auditId));
  }

  private static void requireStatus(ComplianceAudit row, String status, String otherwise) {
    if (!status.equals(row.status())) {
      throw conflict(row, otherwise);
    }
  }

  private static ResponseStatusException conflict(ComplianceAudit row, String why) {
    return new ResponseStatusException(
        HttpStatus.CONFLICT, "Audit " + row.id() + " is " + row.status() + ": " + why);
  }

  private ComplianceAudit withRisks(ComplianceAudit row) {
    Map<Long, RiskRow> risks = register.risks(row.id());
    return row.withChecklist(
        checklist.clausesFor(row.providerId()).stream()
            .map(c -> clauseRisk(c, risks.get(c.id())))
            .toList());
  }

  private static ClauseRisk clauseRisk(Clause c, RiskRow r) {
    return new ClauseRisk(
        c.id(),
        c.sectionTitle(),
        c.text(),
        c.providerId() != null,
        r == null ? null : r.comments(),
        r == null ? List.of() : r.criteria(),
        r == null ? null : r.suggested(),
        r == null ? null : r.level(),
        r == null ? null : r.overrideReason(),
        r == null ? null : r.assessedBy(),
        r == null ? null : r.evidence(),
        r == null ? null : r.revised(),
        r == null ? null : r.revisedReason(),
        r == null ? null : r.revisedBy());
  }

  private static String lines(List<ClauseRisk> risks, Function<ClauseRisk, RiskLevel> level) {
    return risks.stream()
        .map(c -> "- " + level.apply(c).label() + ": " + c.section() + " – " + c.clause())
        .collect(Collectors.joining("\n"));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static Map<String, Object> mapOf(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object value = keysAndValues[i + 1];
      map.put(
          (String) keysAndValues[i],
          value instanceof Instant instant
              ? RegisterColumns.timestamp(instant)
              : value instanceof LocalDate day
                  ? RegisterColumns.date(day)
                  : value instanceof String s ? RegisterColumns.text(s) : value);
    }
    return map;
  }
}
