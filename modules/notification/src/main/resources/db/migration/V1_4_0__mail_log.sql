-- Every e-mail the SMTP server accepted (the outbox screen). A mail that failed to send is not here.
CREATE TABLE mail_log (
    id              BIGSERIAL    PRIMARY KEY,
    recipient       VARCHAR(254) NOT NULL,
    subject         VARCHAR(300) NOT NULL,
    body            TEXT         NOT NULL,
    template        VARCHAR(40)  NOT NULL,
    case_reference  VARCHAR(64),
    sent_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX mail_log_sent_at ON mail_log (sent_at);
