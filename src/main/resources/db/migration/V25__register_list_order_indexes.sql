-- Register lists are read a page at a time in their list order (GET /api/incidents, /api/complaints,
-- /api/contracts, /api/qafs): each order ends in a unique column so pages neither repeat nor skip an entry, and
-- an index in that order lets a page be read from the index instead of sorting the whole register.
-- A descending order is the same index read backwards. A provider's list is read from the same
-- index, or for a provider with few rows from the provider index V1/V4 made (provider, date), which
-- H2 keeps for the foreign key. Procurements are listed by id (the primary key).

CREATE INDEX ix_serious_incident_list ON serious_incident (occurred_at, id);

CREATE INDEX ix_complaint_list ON complaint (received_at, id);

CREATE INDEX ix_qaf_assessment_list ON qaf_assessment (meeting_date, id);

DROP INDEX ix_contract_end_date;
CREATE INDEX ix_contract_end_date ON contract (end_date, reference);
