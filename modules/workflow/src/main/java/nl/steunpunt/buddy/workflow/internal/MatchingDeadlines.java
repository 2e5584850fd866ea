package nl.steunpunt.buddy.workflow.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.processes.MatchingProcess;

/** The due dates and timer periods of {@code MatchingProcess}, per region. */
@Component(MatchingProcess.Beans.DEADLINES)
public class MatchingDeadlines {

    private final MatchingSettings settings;
    private final Clock clock;

    MatchingDeadlines(MatchingSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Date intakeDue(String regionCode) {
        return WorkingDays.dueOnEngineClock(clock.getZone(), settings.intakeWorkingDays(regionCode));
    }

    public Date answerDue(String regionCode) {
        return after(settings.answerPeriod(regionCode));
    }

    public String answerPeriod(String regionCode) {
        return settings.answerPeriod(regionCode).toString();
    }

    public Date firstContactDue(String regionCode) {
        return after(settings.firstContactPeriod(regionCode));
    }

    public String firstContactPeriod(String regionCode) {
        return settings.firstContactPeriod(regionCode).toString();
    }

    public Date introductionDue(String regionCode) {
        return Date.from(ClockUtil.getCurrentTime().toInstant().atZone(clock.getZone())
                .plus(settings.introductionPeriod(regionCode)).toInstant());
    }

    public String reevaluationPeriod(String regionCode) {
        return settings.reevaluationPeriod(regionCode).toString();
    }

    private static Date after(Duration duration) {
        return new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis());
    }
}
