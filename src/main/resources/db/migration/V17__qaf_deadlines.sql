-- The deadlines of QAFs and improvement plans already running, for the timers that read case_deadline
-- (seed 001 Part 3.3 §2-§3.4). A case registered from now on schedules its own. Dates come from the
-- cases' own due columns; the non-return date and the reminder, which no column holds, use the shipped
-- periods (commissioning.qaf.non-return-after P14D, improvement-plan-reminder-before P3D).
-- Written to run unchanged on H2 2.x and PostgreSQL 15.

INSERT INTO case_deadline (case_type, case_reference, process_instance_id, kind, due_at, basis,
                           seed_section, state, state_at)
SELECT 'QAF', q.qaf_number, q.process_instance_id, 'QAF_ISSUE', q.issue_at, 'FIXED_DATE',
       '001 Part 3.3 §2', CASE WHEN q.issued_at IS NULL THEN 'OPEN' ELSE 'MET' END,
       COALESCE(q.issued_at, CURRENT_TIMESTAMP)
  FROM qaf_assessment q
 WHERE q.status = 'OPEN' AND q.qaf_number IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM case_deadline d WHERE d.case_type = 'QAF'
                      AND d.case_reference = q.qaf_number AND d.kind = 'QAF_ISSUE');

INSERT INTO case_deadline (case_type, case_reference, process_instance_id, kind, due_at, basis,
                           seed_section, state, state_at)
SELECT 'QAF', q.qaf_number, q.process_instance_id, 'QAF_RETURN', q.return_due_at, 'FIXED_DATE',
       '001 Part 3.3 §2', CASE WHEN q.returned_at IS NULL THEN 'OPEN' ELSE 'MET' END,
       COALESCE(q.returned_at, CURRENT_TIMESTAMP)
  FROM qaf_assessment q
 WHERE q.status = 'OPEN' AND q.qaf_number IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM case_deadline d WHERE d.case_type = 'QAF'
                      AND d.case_reference = q.qaf_number AND d.kind = 'QAF_RETURN');

INSERT INTO case_deadline (case_type, case_reference, process_instance_id, kind, due_at, basis,
                           seed_section, state, state_at)
SELECT 'QAF', q.qaf_number, q.process_instance_id, 'QAF_NOT_RETURNED',
       q.return_due_at + INTERVAL '14' DAY, 'FIXED_DATE', '001 Part 3.3 §3',
       CASE WHEN q.returned_at IS NULL THEN 'OPEN' ELSE 'WAIVED' END, CURRENT_TIMESTAMP
  FROM qaf_assessment q
 WHERE q.status = 'OPEN' AND q.qaf_number IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM case_deadline d WHERE d.case_type = 'QAF'
                      AND d.case_reference = q.qaf_number AND d.kind = 'QAF_NOT_RETURNED');

-- An improvement plan's case number is its QAF's number and the standard, e.g. QAF-2026-000001/C1.4.
INSERT INTO case_deadline (case_type, case_reference, process_instance_id, kind, due_at, basis,
                           seed_section, state, state_at)
SELECT 'QAF_IMPROVEMENT_PLAN', q.qaf_number || '/' || p.objective, p.process_instance_id,
       'IMPROVEMENT_PLAN', p.plan_due_at, 'FIXED_DATE', '001 Part 3.3 §3.4',
       CASE WHEN p.submitted_at IS NULL THEN 'OPEN' ELSE 'MET' END,
       COALESCE(p.submitted_at, CURRENT_TIMESTAMP)
  FROM qaf_improvement_plan p JOIN qaf_assessment q ON q.id = p.assessment_id
 WHERE p.status = 'OPEN'
   AND NOT EXISTS (SELECT 1 FROM case_deadline d WHERE d.case_type = 'QAF_IMPROVEMENT_PLAN'
                      AND d.case_reference = q.qaf_number || '/' || p.objective
                      AND d.kind = 'IMPROVEMENT_PLAN');

INSERT INTO case_deadline (case_type, case_reference, process_instance_id, kind, due_at, basis,
                           seed_section, state, state_at)
SELECT 'QAF_IMPROVEMENT_PLAN', q.qaf_number || '/' || p.objective, p.process_instance_id,
       'PLAN_REMINDER', p.plan_due_at - INTERVAL '3' DAY, 'FIXED_DATE', '001 Part 3.3 §3.4',
       CASE WHEN p.submitted_at IS NULL THEN 'OPEN' ELSE 'WAIVED' END, CURRENT_TIMESTAMP
  FROM qaf_improvement_plan p JOIN qaf_assessment q ON q.id = p.assessment_id
 WHERE p.status = 'OPEN'
   AND NOT EXISTS (SELECT 1 FROM case_deadline d WHERE d.case_type = 'QAF_IMPROVEMENT_PLAN'
                      AND d.case_reference = q.qaf_number || '/' || p.objective
                      AND d.kind = 'PLAN_REMINDER');

INSERT INTO case_deadline (case_type, case_reference, process_instance_id, kind, due_at, basis,
                           seed_section, state, state_at)
SELECT 'QAF_IMPROVEMENT_PLAN', q.qaf_number || '/' || p.objective, p.process_instance_id,
       'PLAN_RESUBMISSION', p.resubmission_due_at, 'FIXED_DATE', '001 Part 3.3 §3.4', 'OPEN',
       CURRENT_TIMESTAMP
  FROM qaf_improvement_plan p JOIN qaf_assessment q ON q.id = p.assessment_id
 WHERE p.status = 'OPEN' AND p.resubmission_due_at IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM case_deadline d WHERE d.case_type = 'QAF_IMPROVEMENT_PLAN'
                      AND d.case_reference = q.qaf_number || '/' || p.objective
                      AND d.kind = 'PLAN_RESUBMISSION');

INSERT INTO case_deadline (case_type, case_reference, process_instance_id, kind, due_at, basis,
                           seed_section, state, state_at)
SELECT 'QAF_IMPROVEMENT_PLAN', q.qaf_number || '/' || p.objective, p.process_instance_id,
       'PLAN_VALIDATION', p.validation_due_at, 'FIXED_DATE', '001 Part 3.3 §3.4',
       CASE WHEN p.validated_at IS NULL THEN 'OPEN' ELSE 'MET' END,
       COALESCE(p.validated_at, CURRENT_TIMESTAMP)
  FROM qaf_improvement_plan p JOIN qaf_assessment q ON q.id = p.assessment_id
 WHERE p.status = 'OPEN' AND p.validation_due_at IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM case_deadline d WHERE d.case_type = 'QAF_IMPROVEMENT_PLAN'
                      AND d.case_reference = q.qaf_number || '/' || p.objective
                      AND d.kind = 'PLAN_VALIDATION');
