-- Facts a notice task and the contract signature depend on, kept out of process variables (which whoever
-- completes a task can write). Written to run unchanged on H2 2.x and PostgreSQL 15.

-- Which notice each notice task records, fixed when the task opens: a completion cannot record it as another.
CREATE TABLE procurement_notice_task (
    execution_id    VARCHAR(64)  NOT NULL,
    procurement_id  BIGINT       NOT NULL,
    notice_code     VARCHAR(40)  NOT NULL,
    CONSTRAINT pk_procurement_notice_task PRIMARY KEY (execution_id),
    CONSTRAINT fk_procurement_notice_task FOREIGN KEY (procurement_id) REFERENCES procurement (id)
);

-- The day the contract was entered into: contract notices are due from it (PA 2023 s53, PCR 2015 reg 50).
ALTER TABLE procurement ADD COLUMN contract_signed_on DATE;
