package uk.gov.council.commissioning.incidents;

import static uk.gov.council.commissioning.incidents.IncidentVariables.*;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.council.commissioning.compliance.DeadlineBreaches;
import uk.gov.council.commissioning.incidents.IncidentResponses.Breach;
import uk.gov.council.commissioning.incidents.IncidentResponses.Closure;
import uk.gov.council.commissioning.incidents.IncidentResponses.Deadlines;
import uk.gov.council.commissioning.incidents.IncidentResponses.IncidentDetails;
import uk.gov.council.commissioning.incidents.IncidentResponses.Received;
import uk.gov.council.commissioning.incidents.IncidentResponses.Report;
import uk.gov.council.commissioning.incidents.IncidentResponses.SafeguardingAlert;
import uk.gov.council.commissioning.incidents.IncidentResponses.ServiceUser;
import uk.gov.council.commissioning.incidents.IncidentResponses.Step;
import uk.gov.council.commissioning.web.PageOf;
import uk.gov.council.commissioning.web.PageQuery;

/**
 * Reads incidents for the REST API: the register's facts, the breaches, and from the case's history
 * the narrative and the service user's details, which the register never holds. Callers decide who
 * may see which incident; this class does not check.
 */
@Service
@RequiredArgsConstructor
class IncidentQueries {

  private static final List<String> CASE_VARIABLES =
      List.of(
          CATEGORY_LABEL,
          DESCRIPTION,
          PARTIES_INVOLVED,
          EMERGENCY_SERVICES,
          IMMEDIATE_ACTION,
          FURTHER_ACTION,
          HOW_COUNCIL_LEARNT,
          SOURCE_COMPLAINT,
          SERVICE_USER_NAME,
          SERVICE_USER_LBB_ID,
          SERVICE_USER_GROUP,
          UPDATES_RECEIVED,
          LAST_UPDATE_AT,
          OUTCOME,
          LESSONS_LEARNED);
  private static final List<String> PROGRESS_VARIABLES =
      List.of(CATEGORY_LABEL, UPDATES_RECEIVED, LAST_UPDATE_AT, SOURCE_COMPLAINT);

  private final IncidentRepository register;
  private final DeadlineBreaches breaches;
  private final HistoryService historyService;

  @Transactional(readOnly = true)
  public PageOf<SeriousIncident> page(PageQuery query) {
    return register.page(query);
  }

  @Transactional(readOnly = true)
  public PageOf<SeriousIncident> pageOfOrganisations(
      Collection<String> organisationGroups, PageQuery query) {
    return register.pageOfOrganisationGroups(organisationGroups, query);
  }

  @Transactional(readOnly = true)
  public Optional<SeriousIncident> find(String number) {
    return register.findByNumber(number);
  }

  /**
   * The case; {@code forCouncil} (council staff) adds the council's internal steps (escalations,
   * reviews) and how the council learnt of the incident, which may name who told it. Without {@code
   * withDetails} the register's facts only: the report, the service user and the closing words are
   * the case's details, which name people.
   */
  @Transactional(readOnly = true)
  public IncidentDetails details(SeriousIncident i, boolean forCouncil, boolean withDetails) {
    Map<String, Object> v =
        withDetails
            ? caseVariables(i.processInstanceId())
            : progressVariables(i.processInstanceId());
    Object updates = v.get(UPDATES_RECEIVED);
    return new IncidentDetails(
        i.incidentNumber(),
        i.status(),
        i.source(),
        text(v, SOURCE_COMPLAINT),
        i.category(),
        text(v, CATEGORY_LABEL),
        i.contractReference(),
        i.contractTitle(),
        i.providerName(),
        i.occurredAt(),
        i.providerAwareAt(),
        i.openedAt(),
        i.openedBy(),
        i.safeguardingSuspected(),
        i.riddorReportable(),
        new Deadlines(i.initialReportDueAt(), i.reportingFormDueAt()),
        new Received(
            i.initialReportAt(),
            i.reportingFormAt(),
            updates instanceof Number n ? n.intValue() : 0,
            instant(v.get(LAST_UPDATE_AT))),
        breaches.ofCase(CASE_TYPE, i.incidentNumber()).stream().map(Breach::of).toList(),
        register
            .safeguardingAlertOf(i.incidentNumber())
            .map(
                a ->
                    new SafeguardingAlert(a.raisedBy(), a.awareAt(), a.alertedAt(), a.screenedAt()))
            .orElse(null),
        withDetails
            ? new Report(
                text(v, DESCRIPTION),
                text(v, PARTIES_INVOLVED),
                text(v, EMERGENCY_SERVICES),
                text(v, IMMEDIATE_ACTION),
                text(v, FURTHER_ACTION),
                forCouncil ? text(v, HOW_COUNCIL_LEARNT) : null)
            : null,
        withDetails
            ? new ServiceUser(
                text(v, SERVICE_USER_NAME),
                text(v, SERVICE_USER_LBB_ID),
                text(v, SERVICE_USER_GROUP))
            : null,
        i.closedAt() == null
            ? null
            : withDetails
                ? new Closure(i.closedAt(), i.outcome(), text(v, LESSONS_LEARNED))
                : new Closure(i.closedAt(), null, null),
        forCouncil ? steps(i.processInstanceId()) : null);
  }

  /**
   * The case's own variables, running or ended, from history (the register keeps no personal
   * details).
   */
  private Map<String, Object> caseVariables(String processInstanceId) {
    return variables(processInstanceId, CASE_VARIABLES);
  }

  /** How the case is going, which names nobody. */
  private Map<String, Object> progressVariables(String processInstanceId) {
    return variables(processInstanceId, PROGRESS_VARIABLES);
  }

  private Map<String, Object> variables(String processInstanceId, List<String> names) {
    Map<String, Object> values = new HashMap<>();
    if (processInstanceId == null) {
      return values;
    }
    for (HistoricVariableInstance variable :
        historyService
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstanceId)
            .executionIdIn(processInstanceId)
            .variableNameIn(names.toArray(String[]::new))
            .disableCustomObjectDeserialization()
            .list()) {
      // Only plain values: a case whose variable was once stored as an object, bytes or a
      // serialized
      // value (the engine APIs refuse them now) still reads, without that value.
      if (variable.getTaskId() == null
          && variable.getTypedValue() instanceof PrimitiveValue<?> plain
          && plain.getType() != ValueType.BYTES
          && plain.getValue() != null) {
        values.put(variable.getName(), plain.getValue());
      }
    }
    return values;
  }

  private List<Step> steps(String processInstanceId) {
    return historyService
        .createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .activityType("userTask")
        .orderByHistoricActivityInstanceStartTime()
        .asc()
        .orderPartiallyByOccurrence()
        .asc()
        .list()
        .stream()
        .map(
            a ->
                new Step(
                    a.getActivityId(),
                    a.getActivityName(),
                    a.getStartTime().toInstant(),
                    a.getEndTime() == null ? null : a.getEndTime().toInstant(),
                    a.isCanceled()))
        .toList();
  }

  private static Instant instant(Object value) {
    try {
      return value == null ? null : Instant.parse(value.toString());
    } catch (java.time.format.DateTimeParseException unreadable) {
      return null;
    }
  }

  private static String text(Map<String, Object> values, String name) {
    Object value = values.get(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
