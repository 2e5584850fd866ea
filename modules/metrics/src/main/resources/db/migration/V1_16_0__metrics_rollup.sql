-- Monthly roll-ups of the metrics read model, so that a dashboard over many regions and a long
-- period reads a few rows per region and month instead of every lifecycle. A (region, month) is read
-- from the roll-up only when the month is complete, lies wholly inside the period, has a roll-up row
-- and is not marked dirty; everything else is read from the read model itself. Every write to the read
-- model marks the months it touches dirty (triggers below), and MetricsRollups recomputes dirty months,
-- so a figure never depends on the roll-up job having run.

-- The time zone whose calendar months the roll-ups use (the application clock's); one row.
CREATE TABLE metrics_rollup_state (
    zone VARCHAR(64) NOT NULL
);

-- Per region and month: the funnel counts (each by the month of its own milestone), the lead-time cases
-- of the match duration (ended matches), the evaluation count and score sums, the intervisie sessions.
CREATE TABLE metrics_month (
    region_code        VARCHAR(32) NOT NULL,
    month              DATE        NOT NULL,
    applied            BIGINT      NOT NULL,
    selected           BIGINT      NOT NULL,
    certified          BIGINT      NOT NULL,
    matched            BIGINT      NOT NULL,
    closed             BIGINT      NOT NULL,
    ended              BIGINT      NOT NULL,
    evaluations        BIGINT      NOT NULL,
    felt_heard         BIGINT      NOT NULL,
    regained_control   BIGINT      NOT NULL,
    school_cooperation BIGINT      NOT NULL,
    sessions           BIGINT      NOT NULL,
    present            BIGINT      NOT NULL,
    expected           BIGINT      NOT NULL,
    PRIMARY KEY (region_code, month)
);

-- Per region, month and kind of lead time a histogram of the durations in days: bucket b holds the
-- durations in [1.02^b, 1.02^(b+1)) days, bucket -1000 those under 0.001 day.
CREATE TABLE metrics_month_lead_time (
    region_code VARCHAR(32) NOT NULL,
    month       DATE        NOT NULL,
    kind        SMALLINT    NOT NULL,
    bucket      INT         NOT NULL,
    cases       BIGINT      NOT NULL,
    PRIMARY KEY (region_code, month, kind, bucket)
);

-- Per region, month and signal theme the lines, grouped by the day of the same match's previous line
-- with that theme (in that region): a line whose previous one lies before the period, or that has none,
-- is its match's first in the period, so counting those counts the distinct matches exactly. A previous
-- line in the same month is stored as the month's first day (it can never lie before a period that
-- contains the whole month).
CREATE TABLE metrics_month_theme (
    region_code VARCHAR(32)  NOT NULL,
    month       DATE         NOT NULL,
    theme_code  VARCHAR(40)  NOT NULL,
    theme_name  VARCHAR(200) NOT NULL,
    prev_on     DATE,
    lines       BIGINT       NOT NULL
);
CREATE INDEX metrics_month_theme_month ON metrics_month_theme (region_code, month);

-- The day of the previous line of the same match, theme and region (in the order of day and line).
ALTER TABLE metrics_signal ADD COLUMN prev_on DATE;
CREATE INDEX metrics_signal_match ON metrics_signal (match_id);
CREATE INDEX metrics_signal_period ON metrics_signal (region_code, contact_on) INCLUDE (theme_code, theme_name, prev_on);

-- The (region, month)s whose roll-up may be out of date; seq changes on every new mark, so that the job
-- removes only the marks it has seen.
CREATE SEQUENCE metrics_month_dirty_seq;
CREATE TABLE metrics_month_dirty (
    region_code VARCHAR(32) NOT NULL,
    month       DATE        NOT NULL,
    seq         BIGINT      NOT NULL DEFAULT nextval('metrics_month_dirty_seq'),
    PRIMARY KEY (region_code, month)
);

-- The bucket of a duration in days (see metrics_month_lead_time).
CREATE FUNCTION metrics_bucket(days DOUBLE PRECISION) RETURNS INT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN days < 0.001 THEN -1000 ELSE floor(ln(days) / ln(1.02))::INT END
$$;

-- The calendar month of an instant in the roll-ups' time zone.
CREATE FUNCTION metrics_month_of(at TIMESTAMP WITH TIME ZONE) RETURNS DATE LANGUAGE sql STABLE AS $$
    SELECT date_trunc('month', at AT TIME ZONE COALESCE((SELECT zone FROM metrics_rollup_state LIMIT 1), 'UTC'))::DATE
$$;

-- Marks the months touched by the rows of a statement dirty: the inserted and deleted rows, and the
-- old and new versions of the rows an update changed. TG_ARGV: the key column, then the month columns.
CREATE FUNCTION metrics_mark_dirty() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    months TEXT;
    key TEXT := quote_ident(TG_ARGV[0]);
    rows TEXT;
BEGIN
    SELECT string_agg(CASE WHEN TG_ARGV[i] = 'contact_on' THEN 'date_trunc(''month'', x.contact_on)::DATE'
                           ELSE 'metrics_month_of(x.' || quote_ident(TG_ARGV[i]) || ')' END, ', ')
      INTO months FROM generate_series(1, TG_NARGS - 1) i;
    rows := CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT * FROM new_rows'
        WHEN 'DELETE' THEN 'SELECT * FROM old_rows'
        ELSE format('SELECT o.* FROM old_rows o JOIN new_rows n USING (%1$s) WHERE o IS DISTINCT FROM n
                     UNION ALL SELECT n.* FROM old_rows o JOIN new_rows n USING (%1$s) WHERE o IS DISTINCT FROM n', key)
    END;
    EXECUTE format('INSERT INTO metrics_month_dirty (region_code, month)
                    SELECT DISTINCT x.region_code, m FROM (%s) x, unnest(ARRAY[%s]) m WHERE m IS NOT NULL
                    ON CONFLICT (region_code, month) DO UPDATE SET seq = nextval(''metrics_month_dirty_seq'')', rows, months);
    RETURN NULL;
END $$;

CREATE TRIGGER metrics_application_inserted AFTER INSERT ON metrics_application REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_mark_dirty('application_id', 'applied_at', 'selected_at', 'certified_at');
CREATE TRIGGER metrics_application_updated AFTER UPDATE ON metrics_application REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_mark_dirty('application_id', 'applied_at', 'selected_at', 'certified_at');
CREATE TRIGGER metrics_application_deleted AFTER DELETE ON metrics_application REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_mark_dirty('application_id', 'applied_at', 'selected_at', 'certified_at');

CREATE TRIGGER metrics_help_request_inserted AFTER INSERT ON metrics_help_request REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_mark_dirty('request_id', 'active_at', 'ended_at', 'closed_at');
CREATE TRIGGER metrics_help_request_updated AFTER UPDATE ON metrics_help_request REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_mark_dirty('request_id', 'active_at', 'ended_at', 'closed_at');
CREATE TRIGGER metrics_help_request_deleted AFTER DELETE ON metrics_help_request REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_mark_dirty('request_id', 'active_at', 'ended_at', 'closed_at');

CREATE TRIGGER metrics_evaluation_inserted AFTER INSERT ON metrics_evaluation REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_mark_dirty('match_id', 'submitted_at');
CREATE TRIGGER metrics_evaluation_updated AFTER UPDATE ON metrics_evaluation REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_mark_dirty('match_id', 'submitted_at');
CREATE TRIGGER metrics_evaluation_deleted AFTER DELETE ON metrics_evaluation REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_mark_dirty('match_id', 'submitted_at');

CREATE TRIGGER metrics_intervisie_session_inserted AFTER INSERT ON metrics_intervisie_session REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_mark_dirty('session_id', 'held_at');
CREATE TRIGGER metrics_intervisie_session_updated AFTER UPDATE ON metrics_intervisie_session REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_mark_dirty('session_id', 'held_at');
CREATE TRIGGER metrics_intervisie_session_deleted AFTER DELETE ON metrics_intervisie_session REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_mark_dirty('session_id', 'held_at');

CREATE TRIGGER metrics_signal_inserted AFTER INSERT ON metrics_signal REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_mark_dirty('line_id', 'contact_on');
CREATE TRIGGER metrics_signal_updated AFTER UPDATE ON metrics_signal REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_mark_dirty('line_id', 'contact_on');
CREATE TRIGGER metrics_signal_deleted AFTER DELETE ON metrics_signal REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION metrics_mark_dirty('line_id', 'contact_on');
