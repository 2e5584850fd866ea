package nl.steunpunt.buddy.processes;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Stands in for the workflow module's deadline bean with fixed, easily checked periods. */
public class TestDeadlines {

    static final Duration SCREENING = Duration.ofDays(7);
    static final Duration SCREENING_ESCALATION = Duration.ofDays(8);
    static final Duration INTAKE = Duration.ofDays(14);
    static final Duration DECISION = Duration.ofDays(3);
    static final String ON_HOLD = "P28D";
    static final String VOG_REMINDER = "P14D";
    static final String VOG_ESCALATION = "P42D";

    public Date screeningDue(String regionCode) {
        return after(SCREENING);
    }

    public Date screeningEscalation(String regionCode) {
        return after(SCREENING_ESCALATION);
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

    public String vogReminderPeriod(String regionCode) {
        return VOG_REMINDER;
    }

    public String vogEscalationPeriod(String regionCode) {
        return VOG_ESCALATION;
    }

    private static Date after(Duration duration) {
        return new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis());
    }
}
