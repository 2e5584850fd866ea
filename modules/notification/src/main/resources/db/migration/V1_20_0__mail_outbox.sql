-- The outbox becomes transactional: a mail is recorded as QUEUED in the transaction of the step that
-- sends it and goes over SMTP only after that transaction committed (MailDelivery). A delivery claims its
-- row for a lease (delivery_started_at), so two nodes never send the same row at once; a crash between the
-- SMTP server's acceptance and the SENT mark resends the row with the same message_id, on which receivers
-- deduplicate. After the last attempt a row is FAILED.
ALTER TABLE mail_log ALTER COLUMN sent_at DROP NOT NULL;
ALTER TABLE mail_log ADD COLUMN status              VARCHAR(10);
ALTER TABLE mail_log ADD COLUMN message_id          VARCHAR(100);
ALTER TABLE mail_log ADD COLUMN queued_at           TIMESTAMPTZ;
ALTER TABLE mail_log ADD COLUMN attempts            INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mail_log ADD COLUMN delivery_started_at TIMESTAMPTZ;
ALTER TABLE mail_log ADD COLUMN last_error          VARCHAR(500);

-- Every existing row was sent before it was recorded.
UPDATE mail_log SET status = 'SENT', queued_at = sent_at, attempts = 1,
                    message_id = '<legacy-' || id || '@steunpunt-buddy>';

ALTER TABLE mail_log ALTER COLUMN status SET NOT NULL;
ALTER TABLE mail_log ALTER COLUMN message_id SET NOT NULL;
ALTER TABLE mail_log ALTER COLUMN queued_at SET NOT NULL;
ALTER TABLE mail_log ADD CONSTRAINT mail_log_status CHECK (status IN ('QUEUED', 'SENT', 'FAILED'));
ALTER TABLE mail_log ADD CONSTRAINT mail_log_message_id UNIQUE (message_id);
ALTER TABLE mail_log ADD CONSTRAINT mail_log_sent CHECK (status <> 'SENT' OR sent_at IS NOT NULL);

DROP INDEX mail_log_sent_at;
CREATE INDEX mail_log_queued_at ON mail_log (queued_at);
CREATE INDEX mail_log_due ON mail_log (queued_at) WHERE status = 'QUEUED';
