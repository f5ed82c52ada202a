-- Safeguarding alerts (seed 002 §10.3, App C 5.2): when the alert was due, fixed when it was raised,
-- so a later change to commissioning.safeguarding.alert-within does not rewrite past quarters' figures.
-- Written to run unchanged on H2 2.x and PostgreSQL 15.

ALTER TABLE safeguarding_alert ADD COLUMN alert_due_at TIMESTAMP WITH TIME ZONE;

-- Every alert raised before this column existed was judged against 12 hours, the only period in use.
UPDATE safeguarding_alert SET alert_due_at = aware_at + INTERVAL '12' HOUR WHERE alert_due_at IS NULL;
