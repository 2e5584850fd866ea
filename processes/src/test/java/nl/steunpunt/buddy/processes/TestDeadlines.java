package nl.steunpunt.buddy.processes;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Stands in for the workflow module's deadline bean with fixed, easily checked periods. */
public class TestDeadlines {

    static final Duration SCREENING = Duration.ofDays(7);
    static final Duration INTAKE = Duration.ofDays(14);
    static final Duration DECISION = Duration.ofDays(3);
    static final String ON_HOLD = "P28D";

    public Date screeningDue(String regionCode) {
        return after(SCREENING);
    }

    public Date intakeDue(String regionCode) {
        return after(INTAKE);
    }

    public Date decisionDue(String regionCode) {
        return after(DECISION);
    }

    public String onHoldPeriod(String regionCode) {
        return ON_HOLD;
    }

    private static Date after(Duration duration) {
        return new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis());
    }
}
