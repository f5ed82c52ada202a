-- Register lists are read a page at a time in their list order (GET /api/incidents, /api/complaints,
-- /api/contracts): each order ends in a unique column so pages neither repeat nor skip an entry, and
-- an index in that order lets a page be read from the index instead of sorting the whole register.
-- A descending order is the same index read backwards. The provider indexes put the owning provider
-- first, for the lists a provider's users see. Procurements are listed by id (the primary key).

CREATE INDEX ix_serious_incident_list ON serious_incident (occurred_at, id);
DROP INDEX ix_serious_incident_provider;
CREATE INDEX ix_serious_incident_provider ON serious_incident (provider_id, occurred_at, id);

CREATE INDEX ix_complaint_list ON complaint (received_at, id);
DROP INDEX ix_complaint_provider;
CREATE INDEX ix_complaint_provider ON complaint (provider_id, received_at, id);

DROP INDEX ix_contract_end_date;
CREATE INDEX ix_contract_end_date ON contract (end_date, reference);
DROP INDEX ix_contract_provider;
CREATE INDEX ix_contract_provider ON contract (provider_id, end_date, reference);
