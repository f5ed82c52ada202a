-- The deadlines of QAFs and improvement plans already running, for the timers that read case_deadline
-- (seed 001 Part 3.3 §2-§3.4). A case registered from now on schedules its own. Dates come from the
-- cases' own due columns; the non-return date and the reminder, which no column holds, use the shipped
-- periods (commissioning.qaf.non-return-after P14D, improvement-plan-reminder-before P3D). What was
-- already done is recorded as met, what no longer can be owed as waived.
-- Written to run unchanged on H2 2.x and PostgreSQL 15.

INSERT INTO case_deadline (case_type, case_reference, process_instance_id, kind, due_at, basis,
                           seed_section, state, state_at)
SELECT r.case_type, r.case_reference, r.process_instance_id, r.kind, r.due_at, 'FIXED_DATE',
       r.seed_section, CASE WHEN r.done_at IS NULL THEN 'OPEN' ELSE r.done_state END,
       COALESCE(r.done_at, CURRENT_TIMESTAMP)
  FROM (
        SELECT 'QAF' AS case_type, q.qaf_number AS case_reference, q.process_instance_id,
               'QAF_ISSUE' AS kind, q.issue_at AS due_at, '001 Part 3.3 §2' AS seed_section,
               q.issued_at AS done_at, 'MET' AS done_state, q.status
          FROM qaf_assessment q
        UNION ALL
        SELECT 'QAF', q.qaf_number, q.process_instance_id, 'QAF_RETURN', q.return_due_at,
               '001 Part 3.3 §2', q.returned_at, 'MET', q.status
          FROM qaf_assessment q
        UNION ALL
        SELECT 'QAF', q.qaf_number, q.process_instance_id, 'QAF_NOT_RETURNED',
               q.return_due_at + INTERVAL '14' DAY, '001 Part 3.3 §3', q.returned_at, 'WAIVED', q.status
          FROM qaf_assessment q
        UNION ALL
        -- An improvement plan's case number is its QAF's number and the standard: QAF-2026-000001/C1.4.
        SELECT 'QAF_IMPROVEMENT_PLAN', q.qaf_number || '/' || p.objective, p.process_instance_id,
               'IMPROVEMENT_PLAN', p.plan_due_at, '001 Part 3.3 §3.4', p.submitted_at, 'MET', p.status
          FROM qaf_improvement_plan p JOIN qaf_assessment q ON q.id = p.assessment_id
        UNION ALL
        SELECT 'QAF_IMPROVEMENT_PLAN', q.qaf_number || '/' || p.objective, p.process_instance_id,
               'PLAN_REMINDER', p.plan_due_at - INTERVAL '3' DAY, '001 Part 3.3 §3.4', p.submitted_at,
               'WAIVED', p.status
          FROM qaf_improvement_plan p JOIN qaf_assessment q ON q.id = p.assessment_id
        UNION ALL
        SELECT 'QAF_IMPROVEMENT_PLAN', q.qaf_number || '/' || p.objective, p.process_instance_id,
               'PLAN_RESUBMISSION', p.resubmission_due_at, '001 Part 3.3 §3.4', NULL, 'MET', p.status
          FROM qaf_improvement_plan p JOIN qaf_assessment q ON q.id = p.assessment_id
        UNION ALL
        SELECT 'QAF_IMPROVEMENT_PLAN', q.qaf_number || '/' || p.objective, p.process_instance_id,
               'PLAN_VALIDATION', p.validation_due_at, '001 Part 3.3 §3.4', p.validated_at, 'MET',
               p.status
          FROM qaf_improvement_plan p JOIN qaf_assessment q ON q.id = p.assessment_id
       ) r
 WHERE r.status = 'OPEN' AND r.case_reference IS NOT NULL AND r.due_at IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM case_deadline d
                    WHERE d.case_type = r.case_type AND d.case_reference = r.case_reference
                      AND d.kind = r.kind);
