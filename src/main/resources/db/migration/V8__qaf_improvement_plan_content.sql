-- What an improvement plan holds and how it was decided (seed 001 3.3 §3.4): the provider's plan,
-- the two reviews, the validation, the report to the Core Strategy Group and the default notice
-- decision. The standard's original final grade stays on qaf_grade; a re-grade is new_grade here.
-- Written to run unchanged on H2 2.x and PostgreSQL 15.

-- The provider's plan, as last submitted (Tasklist has no file upload: text).
ALTER TABLE qaf_improvement_plan ADD COLUMN plan_actions VARCHAR(4000);
ALTER TABLE qaf_improvement_plan ADD COLUMN responsible_person VARCHAR(200);
ALTER TABLE qaf_improvement_plan ADD COLUMN target_dates VARCHAR(2000);
ALTER TABLE qaf_improvement_plan ADD COLUMN evidence_of_improvement VARCHAR(4000);
ALTER TABLE qaf_improvement_plan ADD COLUMN submitted_by VARCHAR(64);
-- submitted_at is the first submission (measured against plan_due_at); this is the latest.
ALTER TABLE qaf_improvement_plan ADD COLUMN last_submitted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE qaf_improvement_plan ADD COLUMN times_sent_back INTEGER DEFAULT 0 NOT NULL;
-- The latest review by each reviewer: ACCEPT or SEND_BACK, with comments.
ALTER TABLE qaf_improvement_plan ADD COLUMN officer_decision VARCHAR(20);
ALTER TABLE qaf_improvement_plan ADD COLUMN officer_comments VARCHAR(2000);
ALTER TABLE qaf_improvement_plan ADD COLUMN officer_reviewed_by VARCHAR(64);
ALTER TABLE qaf_improvement_plan ADD COLUMN manager_decision VARCHAR(20);
ALTER TABLE qaf_improvement_plan ADD COLUMN manager_comments VARCHAR(2000);
ALTER TABLE qaf_improvement_plan ADD COLUMN manager_reviewed_by VARCHAR(64);
ALTER TABLE qaf_improvement_plan ADD COLUMN validated_by VARCHAR(64);
ALTER TABLE qaf_improvement_plan ADD COLUMN validation_findings VARCHAR(4000);
ALTER TABLE qaf_improvement_plan ADD COLUMN csg_report VARCHAR(4000);
ALTER TABLE qaf_improvement_plan ADD COLUMN default_notice_reasons VARCHAR(2000);
ALTER TABLE qaf_improvement_plan ADD COLUMN reported_by VARCHAR(64);
