-- Serious incidents still open when their deadlines moved to case_deadline: an OPEN row for each report
-- still owed, due when the register says it is due, so the timers and escalations that read or close the
-- deadline find it. The amount is the default period (seed 002 §12.4: 12 hours, §12.5: 48 hours); the
-- due date is copied, whatever period the case was opened with. The next update has no column in the
-- register, so a case already waiting for one keeps the timer it has.
INSERT INTO case_deadline (case_type, case_reference, process_instance_id, kind, due_at, basis, amount,
                           calendar_region, seed_section, state, state_at)
SELECT 'SERIOUS_INCIDENT', si.incident_number, si.process_instance_id, report.kind,
       CASE report.kind WHEN 'INITIAL_REPORT' THEN si.initial_report_due_at ELSE si.reporting_form_due_at END,
       'HOURS', report.amount, NULL, report.seed_section, 'OPEN', CURRENT_TIMESTAMP
FROM serious_incident si
CROSS JOIN (SELECT 'INITIAL_REPORT' AS kind, 'PT12H' AS amount, '002 §12.4' AS seed_section
            UNION ALL
            SELECT 'REPORTING_FORM', 'PT48H', '002 §12.5') report
WHERE si.status = 'OPEN'
  AND si.incident_number IS NOT NULL
  AND CASE report.kind WHEN 'INITIAL_REPORT' THEN si.initial_report_at ELSE si.reporting_form_at END IS NULL
  AND NOT EXISTS (SELECT 1 FROM case_deadline d
                  WHERE d.case_type = 'SERIOUS_INCIDENT' AND d.case_reference = si.incident_number
                    AND d.kind = report.kind);
