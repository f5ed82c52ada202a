-- When a plan sent back must come again (commissioning.qaf.improvement-plan.resubmission-working-days
-- after the reviews), kept with the plan so the revision's task and timer read the register, not a
-- case variable. Written to run unchanged on H2 2.x and PostgreSQL 15.
ALTER TABLE qaf_improvement_plan ADD COLUMN resubmission_due_at TIMESTAMP WITH TIME ZONE;
