-- Complaints (seed 002 §13.5, App C 4, App K): facts the V4 table did not hold.
-- Written to run unchanged on H2 2.x and PostgreSQL 15.

-- Provider route, unresolved: when the full written report to the council is due (§13.5 sets no
-- time; the council's configured working days from when the provider reported it unresolved).
ALTER TABLE complaint ADD COLUMN written_report_due_at TIMESTAMP WITH TIME ZONE;

-- Council route, stage 2 (App K): the day the Local Government Ombudsman's details were sent.
ALTER TABLE complaint ADD COLUMN ombudsman_information_sent_on DATE;

-- How the complaint ended, for counting (seed 004 App A, organisation 3: "satisfactory resolution"):
-- RESOLVED (by the provider), UPHELD, PARTLY_UPHELD, NOT_UPHELD (council investigation of an
-- unresolved provider complaint), COMPLAINANT_SATISFIED, NO_REPLY, OMBUDSMAN_INFORMATION_SENT
-- (council route). The free-text findings stay in the process, with the complainant's details.
ALTER TABLE complaint ADD COLUMN outcome_code VARCHAR(30);
