-- A contract awarded by a procurement (seed 000 §6.4, §6.8): it is in the register once signed, before
-- it starts, goes live on its commencement date and then closes the contract it replaces.
-- Written to run unchanged on H2 2.x and PostgreSQL 15.

-- SIGNED: awarded and signed, not yet commenced. Neither database can widen a CHECK in place.
ALTER TABLE contract DROP CONSTRAINT ck_contract_status;
ALTER TABLE contract ADD CONSTRAINT ck_contract_status
  CHECK (status IN ('SIGNED', 'ACTIVE', 'EXPIRED', 'TERMINATED'));

-- The procurement that awarded the contract: lets a retried registration recognise its own contract.
ALTER TABLE contract ADD COLUMN procurement_reference VARCHAR(40);
-- The contract this one replaces, closed when this one commences.
ALTER TABLE contract ADD COLUMN replaces_reference VARCHAR(40);
-- Set on the replaced contract when its successor commences.
ALTER TABLE contract ADD COLUMN replaced_by_reference VARCHAR(40);

ALTER TABLE contract ADD CONSTRAINT fk_contract_replaces
  FOREIGN KEY (replaces_reference) REFERENCES contract (reference);
ALTER TABLE contract ADD CONSTRAINT fk_contract_replaced_by
  FOREIGN KEY (replaced_by_reference) REFERENCES contract (reference);
ALTER TABLE contract ADD CONSTRAINT ck_contract_not_self_replacing
  CHECK (replaces_reference <> reference AND replaced_by_reference <> reference);
