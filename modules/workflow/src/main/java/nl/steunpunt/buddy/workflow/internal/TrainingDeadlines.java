package nl.steunpunt.buddy.workflow.internal;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
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
        var today = ClockUtil.getCurrentTime().toInstant().atZone(clock.getZone()).toLocalDate();
        return Date.from(WorkingDays.add(today, settings.signOffWorkingDays(regionCode)).atTime(LocalTime.of(17, 0))
                .atZone(clock.getZone()).toInstant());
    }

    public String refresherPeriod(String regionCode) {
        return settings.refresherPeriod(regionCode).toString();
    }
}
