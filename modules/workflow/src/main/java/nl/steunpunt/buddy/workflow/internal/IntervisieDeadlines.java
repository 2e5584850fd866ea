package nl.steunpunt.buddy.workflow.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.intervisie.Intervisie;
import nl.steunpunt.buddy.processes.IntervisieProcess;

/** The due dates of {@code IntervisieProcess}, per region, and the end of a planned session. */
@Component(IntervisieProcess.Beans.DEADLINES)
public class IntervisieDeadlines {

    private final IntervisieSettings settings;
    private final Intervisie intervisie;
    private final Clock clock;

    IntervisieDeadlines(IntervisieSettings settings, Intervisie intervisie, Clock clock) {
        this.settings = settings;
        this.intervisie = intervisie;
        this.clock = clock;
    }

    public Date planningDue(String regionCode) {
        return after(settings.planningPeriod(regionCode));
    }

    public Date recordDue(String regionCode) {
        return after(settings.recordPeriod(regionCode));
    }

    public Date checkInDue(String regionCode) {
        return WorkingDays.dueOnEngineClock(clock.getZone(), settings.checkInWorkingDays(regionCode));
    }

    /** When the session ends, as the intervisie module has it now (a moved session has a new end). */
    public Date sessionEndsAt(String sessionId) {
        return Date.from(intervisie.sessionEndsAt(UUID.fromString(sessionId)));
    }

    private static Date after(Duration duration) {
        return new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis());
    }
}
