-- The idempotency ledger: one row per business side effect (a mail, a published event) that a process step
-- or an event listener caused. It is written in the transaction of the effect, so a job that runs again
-- (a retry, or another node after a crash) finds its key and does not repeat the effect.
CREATE TABLE side_effect_ledger (
    effect_key    VARCHAR(300) PRIMARY KEY,
    business_key  VARCHAR(255),
    node          VARCHAR(100) NOT NULL,
    recorded_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX side_effect_ledger_business_key ON side_effect_ledger (business_key);
