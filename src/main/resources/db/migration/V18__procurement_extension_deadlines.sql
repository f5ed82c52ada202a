-- Deadlines of procurements already running when their timers moved onto case_deadline rows.
-- Written to run unchanged on H2 2.x and PostgreSQL 15.
--
-- Only what the case tables hold can be carried over:
-- - COMMENCEMENT (seed 000 §6.5): a signed contract not yet live starts at the start of its start date,
--   UK time. The session time zone is set so that a day's midnight is read as UK midnight (BST or GMT).
-- - STANDSTILL_END and CONTRACT_NOTICE are counted by the regime's rules (regimes.json: its working days
--   and notice periods), which SQL cannot apply; the award and contract steps record them when they run.
-- - Extension cases have no case table: their dates are process variables, so their deadlines are
--   recorded when a case starts or a key decision is published.

SET TIME ZONE 'Europe/London';

INSERT INTO case_deadline (case_type, case_reference, process_instance_id, kind, due_at, basis, amount,
                           calendar_region, seed_section, state, state_at)
SELECT 'PROCUREMENT', p.reference, p.process_instance_id, 'COMMENCEMENT',
       CAST(CAST(c.start_date AS TIMESTAMP) AS TIMESTAMP WITH TIME ZONE), 'FIXED_DATE', NULL,
       NULL, '000 §6.5', 'OPEN', CURRENT_TIMESTAMP
FROM procurement p
JOIN contract c ON c.reference = p.awarded_contract_reference
WHERE p.status = 'CONTRACT_SIGNED'
  AND c.status = 'SIGNED'
  AND p.reference IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM case_deadline d
                  WHERE d.case_type = 'PROCUREMENT' AND d.case_reference = p.reference
                    AND d.kind = 'COMMENCEMENT');

SET TIME ZONE LOCAL;
