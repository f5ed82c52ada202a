-- Complaints and safeguarding alerts already running when their timers began to read case_deadline
-- (V15): each gets the rows its start step now records, from the due dates its own table holds, so a
-- timer created after the upgrade finds its deadline. Rows a case already has are left alone.
-- Basis, amount and seed section are those of the rules in force (application.yml): complaints
-- ComplaintDeadlines, alerts SafeguardingProperties.screeningRule(). A deadline whose MISSED breach
-- was already recorded is MISSED, as Deadlines.missed would have left it; the others are OPEN.
-- Written to run unchanged on H2 2.x and PostgreSQL 15.

-- Acknowledgement: App K, 3 working days (council); App C 4.2, 24 hours (provider).
INSERT INTO case_deadline (case_type, case_reference, process_instance_id, kind, due_at, basis,
                           amount, calendar_region, seed_section, state, state_at)
SELECT 'COMPLAINT', c.complaint_number, c.process_instance_id, 'ACKNOWLEDGEMENT', c.acknowledge_due_at,
       CASE WHEN c.route = 'PROVIDER' THEN 'HOURS' ELSE 'WORKING_DAYS' END,
       CASE WHEN c.route = 'PROVIDER' THEN 'PT24H' ELSE 'PT72H' END,
       CASE WHEN c.route = 'PROVIDER' THEN NULL ELSE 'ENGLAND_AND_WALES' END,
       CASE WHEN c.route = 'PROVIDER' THEN '002 App C 4.2' ELSE '002 App K' END,
       CASE WHEN EXISTS (SELECT 1 FROM deadline_breach b
                         WHERE b.case_type = 'COMPLAINT' AND b.case_reference = c.complaint_number
                           AND b.requirement = 'ACKNOWLEDGEMENT' AND b.kind = 'MISSED')
            THEN 'MISSED' ELSE 'OPEN' END,
       CURRENT_TIMESTAMP
FROM complaint c
WHERE c.status = 'OPEN' AND c.complaint_number IS NOT NULL AND c.acknowledged_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM case_deadline d
                  WHERE d.case_type = 'COMPLAINT' AND d.case_reference = c.complaint_number
                    AND d.kind = 'ACKNOWLEDGEMENT');

-- The council's response (App K, 20 working days, or the day an extension gave: a fixed date, open
-- again) or the provider's resolution (App C 4.3, 15 working days).
INSERT INTO case_deadline (case_type, case_reference, process_instance_id, kind, due_at, basis,
                           amount, calendar_region, seed_section, state, state_at)
SELECT 'COMPLAINT', c.complaint_number, c.process_instance_id,
       CASE WHEN c.route = 'PROVIDER' THEN 'RESOLUTION' ELSE 'RESPONSE' END,
       c.respond_due_at,
       CASE WHEN c.extensions > 0 THEN 'FIXED_DATE' ELSE 'WORKING_DAYS' END,
       CASE WHEN c.extensions > 0 THEN NULL WHEN c.route = 'PROVIDER' THEN 'PT360H' ELSE 'PT480H' END,
       CASE WHEN c.extensions > 0 THEN NULL ELSE 'ENGLAND_AND_WALES' END,
       CASE WHEN c.route = 'PROVIDER' THEN '002 App C 4.3' ELSE '002 App K' END,
       CASE WHEN c.extensions = 0 AND EXISTS (
                 SELECT 1 FROM deadline_breach b
                 WHERE b.case_type = 'COMPLAINT' AND b.case_reference = c.complaint_number
                   AND b.requirement = CASE WHEN c.route = 'PROVIDER' THEN 'RESOLUTION' ELSE 'RESPONSE' END
                   AND b.kind = 'MISSED')
            THEN 'MISSED' ELSE 'OPEN' END,
       CURRENT_TIMESTAMP
FROM complaint c
WHERE c.status = 'OPEN' AND c.complaint_number IS NOT NULL AND c.resolved_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM case_deadline d
                  WHERE d.case_type = 'COMPLAINT' AND d.case_reference = c.complaint_number
                    AND d.kind = CASE WHEN c.route = 'PROVIDER' THEN 'RESOLUTION' ELSE 'RESPONSE' END);

-- The provider's full written report on an unresolved complaint (§13.5; 5 working days, a council
-- choice).
INSERT INTO case_deadline (case_type, case_reference, process_instance_id, kind, due_at, basis,
                           amount, calendar_region, seed_section, state, state_at)
SELECT 'COMPLAINT', c.complaint_number, c.process_instance_id, 'WRITTEN_REPORT', c.written_report_due_at,
       'WORKING_DAYS', 'PT120H', 'ENGLAND_AND_WALES', '002 §13.5',
       CASE WHEN EXISTS (SELECT 1 FROM deadline_breach b
                         WHERE b.case_type = 'COMPLAINT' AND b.case_reference = c.complaint_number
                           AND b.requirement = 'WRITTEN_REPORT' AND b.kind = 'MISSED')
            THEN 'MISSED' ELSE 'OPEN' END,
       CURRENT_TIMESTAMP
FROM complaint c
WHERE c.status = 'OPEN' AND c.complaint_number IS NOT NULL
  AND c.written_report_due_at IS NOT NULL AND c.written_report_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM case_deadline d
                  WHERE d.case_type = 'COMPLAINT' AND d.case_reference = c.complaint_number
                    AND d.kind = 'WRITTEN_REPORT');

-- Screening of an alert (§10.3 asks for it, gives no time: 24 hours after the alert arrived). The
-- alert table keeps no screening due date, so it is counted here from alerted_at, as the start step
-- counts it. The alert's process has the source case's number as business key.
INSERT INTO case_deadline (case_type, case_reference, process_instance_id, kind, due_at, basis,
                           amount, calendar_region, seed_section, state, state_at)
SELECT 'SAFEGUARDING_ALERT', a.source_reference, a.process_instance_id, 'SCREENING',
       a.alerted_at + INTERVAL '24' HOUR, 'HOURS', 'PT24H', NULL, '002 §10.3', 'OPEN',
       CURRENT_TIMESTAMP
FROM safeguarding_alert a
WHERE a.process_instance_id IS NOT NULL AND a.screened_at IS NULL AND a.closed_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM case_deadline d
                  WHERE d.case_type = 'SAFEGUARDING_ALERT' AND d.case_reference = a.source_reference
                    AND d.kind = 'SCREENING');
