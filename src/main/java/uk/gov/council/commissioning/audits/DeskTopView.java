package uk.gov.council.commissioning.audits;

import java.time.Instant;
import java.util.List;
import uk.gov.council.commissioning.complaints.ComplaintHistory.PastComplaint;
import uk.gov.council.commissioning.compliance.DeadlineBreach;
import uk.gov.council.commissioning.incidents.IncidentHistory.PastIncident;
import uk.gov.council.commissioning.qaf.QafHistory.GradedObjective;
import uk.gov.council.commissioning.qaf.QafHistory.OpenPlan;
import uk.gov.council.commissioning.safeguarding.SafeguardingHistory.PastAlert;

/**
 * What the system already knows about the provider for the desk-top review (seed 001 Part 3.1
 * §3.2), over the twelve months before the audit was opened: QAF grades and the improvement plans
 * still open, complaints, serious incidents, safeguarding alerts and missed deadlines.
 */
public record DeskTopView(
    Instant since,
    List<GradedObjective> qafGrades,
    List<OpenPlan> openImprovementPlans,
    List<PastComplaint> complaints,
    List<PastIncident> seriousIncidents,
    List<PastAlert> safeguardingAlerts,
    List<DeadlineBreach> deadlineBreaches) {}
