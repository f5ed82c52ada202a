-- GET /api/safeguarding-alerts lists alerts newest concern first, a page at a time (see V25).
CREATE INDEX ix_safeguarding_alert_list ON safeguarding_alert (aware_at, id);
