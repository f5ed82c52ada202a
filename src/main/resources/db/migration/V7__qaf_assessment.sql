-- The QAF assessment's own record beyond V8 (seed 001 Part 3.3): the provider's summary sheet
-- (App 2), the desk-top review's findings on the service, the validation visit's support plan audit
-- (Part 3.4), the explanation for a late return, and the provider's answer to its grades.
-- Written to run unchanged on H2 2.x and PostgreSQL 15.

ALTER TABLE qaf_assessment ADD COLUMN summary_signed_by VARCHAR(200);
ALTER TABLE qaf_assessment ADD COLUMN summary_signed_on DATE;
-- Whether the officer who judged a missed return found the provider's explanation appropriate (§3).
ALTER TABLE qaf_assessment ADD COLUMN late_explanation_accepted BOOLEAN;
-- Desk-top review (§3.1, §3.3 triggers 3 and 4).
ALTER TABLE qaf_assessment ADD COLUMN concerns_over_service VARCHAR(2000);
ALTER TABLE qaf_assessment ADD COLUMN procurement_review BOOLEAN;
-- Largest change in grade steps on any objective against the latest QAF held; NULL without one.
ALTER TABLE qaf_assessment ADD COLUMN grade_steps_changed INTEGER;
ALTER TABLE qaf_assessment ADD COLUMN support_plan_audit BOOLEAN;
-- AGREE or DISAGREE (§3.4).
ALTER TABLE qaf_assessment ADD COLUMN provider_response VARCHAR(20);

-- The reviewing officer's overall comments on the grade allocated (QAF Review Form).
ALTER TABLE qaf_grade ADD COLUMN officer_comments VARCHAR(4000);

-- One QAF per contract and contract management meeting.
ALTER TABLE qaf_assessment ADD CONSTRAINT uq_qaf_contract_meeting UNIQUE (contract_id, meeting_date);
