-- The summary after the compliance audit with the provider and whether a Medium risk moved to High
-- (seed 001 Part 3.1 §3.4) are the compliance audit's own, in compliance_audit and
-- compliance_audit_risk (V23); the meeting's row no longer holds them. One column a statement, so
-- that it runs unchanged on H2 2.x and PostgreSQL 15.
ALTER TABLE contract_management_meeting DROP COLUMN compliance_audit_summary;
ALTER TABLE contract_management_meeting DROP COLUMN risk_moved_to_high;
