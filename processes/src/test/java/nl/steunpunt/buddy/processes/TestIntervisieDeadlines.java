package nl.steunpunt.buddy.processes;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Stands in for the workflow module's intervisie deadlines; sessions are registered by the test. */
public class TestIntervisieDeadlines {

    static final Duration PLANNING_DUE = Duration.ofDays(7);
    static final Duration RECORD_DUE = Duration.ofDays(3);
    static final Duration CHECK_IN_DUE = Duration.ofDays(5);

    private final Map<String, Instant> sessionEnds = new HashMap<>();

    void session(String sessionId, Instant endsAt) {
        sessionEnds.put(sessionId, endsAt);
    }

    public Date planningDue(String regionCode) {
        return after(PLANNING_DUE);
    }

    public Date recordDue(String regionCode) {
        return after(RECORD_DUE);
    }

    public Date checkInDue(String regionCode) {
        return after(CHECK_IN_DUE);
    }

    public Date sessionEndsAt(String sessionId) {
        return Date.from(sessionEnds.get(sessionId));
    }

    private static Date after(Duration duration) {
        return new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis());
    }
}
