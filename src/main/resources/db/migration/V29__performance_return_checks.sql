-- The quarterly return's check (seed 001 Part 3.2 §4): what the process records beyond V28. Written to
-- run unchanged on H2 2.x and PostgreSQL 15.

-- A digest of the provider's last submission, so that sending the same return again is answered as
-- before and changes nothing.
ALTER TABLE performance_return ADD COLUMN submission_digest VARCHAR(64);
-- §4.1.2: what the purchasing officer found missing when the return went back.
ALTER TABLE performance_return ADD COLUMN missing_items VARCHAR(2000);
-- §4.1.3 third outcome: what the contracts manager decided to do (DEFAULT_NOTICE, MEETING_SCHEDULE,
-- OTHER, or NONE under the second outcome).
ALTER TABLE performance_return ADD COLUMN manager_action VARCHAR(20);
-- §4.1.6: how many quarters in a row (this one included) the contract's returns were late when the
-- deadline passed.
ALTER TABLE performance_return ADD COLUMN late_quarters_in_row INTEGER;
-- §4.1.6: what the contracts manager did about continued failure to make returns.
ALTER TABLE performance_return ADD COLUMN continued_failure_action VARCHAR(2000);

-- A return not received by its deadline, or an explanation not given in time, is a breach by the
-- provider (case type PERFORMANCE_RETURN).
ALTER TABLE deadline_breach DROP CONSTRAINT ck_deadline_breach_case_type;
ALTER TABLE deadline_breach ADD CONSTRAINT ck_deadline_breach_case_type
    CHECK (case_type IN ('SERIOUS_INCIDENT', 'COMPLAINT', 'SAFEGUARDING_ALERT', 'QAF', 'QAF_IMPROVEMENT_PLAN',
                         'MEETING_PLAN', 'PERFORMANCE_RETURN'));
