package uk.gov.council.commissioning.incidents;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.gov.council.commissioning.incidents.IncidentCaseService.OpenedCase;
import uk.gov.council.commissioning.incidents.IncidentResponses.IncidentDetails;
import uk.gov.council.commissioning.incidents.IncidentResponses.IncidentSummary;
import uk.gov.council.commissioning.security.CaseAccess;
import uk.gov.council.commissioning.security.CaseAccess.Sight;
import uk.gov.council.commissioning.security.CouncilUser;
import uk.gov.council.commissioning.security.ProviderScope;
import uk.gov.council.commissioning.web.InvalidRequestException;
import uk.gov.council.commissioning.web.PageQuery;

/**
 * Serious incidents over REST: providers report for their own contracts, council staff log
 * incidents learnt elsewhere; the council teams given serious incidents ({@code
 * commissioning.access}) see every incident, a provider's users only their own organisation's.
 */
@RestController
@PreAuthorize("isAuthenticated()")
@RequestMapping("/api/incidents")
@RequiredArgsConstructor
class IncidentController {

  private final IncidentCaseService cases;
  private final IncidentQueries incidents;
  private final CaseAccess access;

  /**
   * The report: seed 002 §12.3-12.4. Times are ISO date-times, with an offset or read as UK time.
   * Council staff add {@code howCouncilLearnt}; the §12.4 items are then optional.
   */
  public record IncidentReportRequest(
      String contractReference,
      String category,
      String occurredAt,
      String providerAwareAt,
      String description,
      String partiesInvolved,
      String emergencyServices,
      String immediateAction,
      String furtherAction,
      String serviceUserGroup,
      String serviceUserName,
      String serviceUserLbbId,
      Boolean safeguardingSuspected,
      Boolean riddorReportable,
      String howCouncilLearnt) {

    Map<String, Object> variables() {
      Map<String, Object> v = new HashMap<>();
      put(v, IncidentVariables.CONTRACT_REFERENCE, contractReference);
      put(v, IncidentVariables.CATEGORY, category);
      put(v, IncidentVariables.OCCURRED_AT, occurredAt);
      put(v, IncidentVariables.PROVIDER_AWARE_AT, providerAwareAt);
      put(v, IncidentVariables.DESCRIPTION, description);
      put(v, IncidentVariables.PARTIES_INVOLVED, partiesInvolved);
      put(v, IncidentVariables.EMERGENCY_SERVICES, emergencyServices);
      put(v, IncidentVariables.IMMEDIATE_ACTION, immediateAction);
      put(v, IncidentVariables.FURTHER_ACTION, furtherAction);
      put(v, IncidentVariables.SERVICE_USER_GROUP, serviceUserGroup);
      put(v, IncidentVariables.SERVICE_USER_NAME, serviceUserName);
      put(v, IncidentVariables.SERVICE_USER_LBB_ID, serviceUserLbbId);
      put(v, IncidentVariables.SAFEGUARDING_SUSPECTED, safeguardingSuspected);
      put(v, IncidentVariables.RIDDOR_REPORTABLE, riddorReportable);
      put(v, IncidentVariables.HOW_COUNCIL_LEARNT, howCouncilLearnt);
      return v;
    }

    private static void put(Map<String, Object> variables, String name, Object value) {
      if (value != null) {
        variables.put(name, value);
      }
    }
  }

  public record OpenedIncident(
      String incidentNumber, String source, String processInstanceId, String href) {}

  @PostMapping
  @PreAuthorize("@access.mayStart(authentication, 'serious-incident')")
  public ResponseEntity<OpenedIncident> report(
      @RequestBody(required = false) IncidentReportRequest request, Authentication user) {
    InvalidRequestException.requireBody(request, "a serious incident report is required");
    OpenedCase opened = cases.open(request.variables(), user.getName(), CouncilUser.groups(user));
    String href = "/api/incidents/" + opened.incidentNumber();
    return ResponseEntity.created(URI.create(href))
        .body(
            new OpenedIncident(
                opened.incidentNumber(), opened.source(), opened.processInstanceId(), href));
  }

  @GetMapping
  @PreAuthorize("@access.seesCases(authentication, 'serious-incident')")
  public ResponseEntity<List<IncidentSummary>> list(PageQuery query, Authentication user) {
    return ProviderScope.scoped(
            user,
            groups -> incidents.pageOfOrganisations(groups, query),
            () -> incidents.page(query))
        .map(IncidentSummary::of)
        .toResponse();
  }

  /**
   * Another provider's incident is answered as unknown, so its existence is not revealed. The
   * report and the service user's details go to the teams given them ({@code commissioning.access})
   * and to the provider whose incident it is.
   */
  @GetMapping("/{number}")
  @PreAuthorize("@access.seesCases(authentication, 'serious-incident')")
  public IncidentDetails get(@PathVariable String number, Authentication user) {
    Optional<SeriousIncident> found = incidents.find(number.trim().toUpperCase(Locale.ROOT));
    Sight sight =
        found
            .map(i -> access.sight(user, IncidentVariables.PROCESS_KEY, i.organisationGroup()))
            .orElse(Sight.NOTHING);
    if (!sight.seesCase()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No serious incident " + number);
    }
    return incidents.details(found.get(), !CouncilUser.isProvider(user), sight.seesDetails());
  }
}
