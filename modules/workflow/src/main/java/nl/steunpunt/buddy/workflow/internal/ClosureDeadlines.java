package nl.steunpunt.buddy.workflow.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.processes.ClosureProcess;

/** The due dates and timer periods of {@code ClosureProcess}, per region. */
@Component(ClosureProcess.Beans.DEADLINES)
public class ClosureDeadlines {

    private final ClosureSettings settings;
    private final Clock clock;

    ClosureDeadlines(ClosureSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** ISO-8601 period after the closure when the case is anonymised, e.g. {@code P12M}. */
    public String retentionPeriod(String regionCode) {
        return settings.retentionPeriod(regionCode).toString();
    }

    public String evaluationReminderPeriod(String regionCode) {
        return settings.evaluationReminderPeriod(regionCode).toString();
    }

    public String evaluationLinkPeriod(String regionCode) {
        return settings.evaluationLinkPeriod(regionCode).toString();
    }

    public String buddyEvaluationPeriod(String regionCode) {
        return settings.buddyEvaluationPeriod(regionCode).toString();
    }

    public Date closingConversationDue(String regionCode) {
        return WorkingDays.dueOnEngineClock(clock.getZone(), settings.closingConversationWorkingDays(regionCode));
    }

    public Date buddyEvaluationDue(String regionCode) {
        return onEngineClock(settings.buddyEvaluationDuePeriod(regionCode));
    }

    public Date appreciationDue(String regionCode) {
        return WorkingDays.dueOnEngineClock(clock.getZone(), settings.appreciationWorkingDays(regionCode));
    }

    /** Until when a parent's evaluation link made now works: its expiry timer fires then too. */
    Instant evaluationLinkExpiry(String regionCode) {
        return clock.instant().atZone(clock.getZone()).plus(settings.evaluationLinkPeriod(regionCode)).toInstant();
    }

    private Date onEngineClock(Period period) {
        return Date.from(ClockUtil.getCurrentTime().toInstant().atZone(clock.getZone()).plus(period).toInstant());
    }
}
