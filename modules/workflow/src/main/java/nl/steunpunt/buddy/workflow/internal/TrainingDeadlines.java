package nl.steunpunt.buddy.workflow.internal;

import java.time.Clock;
import java.util.Date;

import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.processes.TrainingProcess;

/** Periods and due dates the training model asks for by expression, on the engine's clock. */
@Component(TrainingProcess.Beans.DEADLINES)
public class TrainingDeadlines {

    private final TrainingSettings settings;
    private final Clock clock;

    TrainingDeadlines(TrainingSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public String noProgressPeriod(String regionCode) {
        return settings.noProgressPeriod(regionCode).toString();
    }

    public Date signOffDue(String regionCode) {
        return WorkingDays.dueOnEngineClock(clock.getZone(), settings.signOffWorkingDays(regionCode));
    }

    public String refresherPeriod(String regionCode) {
        return settings.refresherPeriod(regionCode).toString();
    }
}
