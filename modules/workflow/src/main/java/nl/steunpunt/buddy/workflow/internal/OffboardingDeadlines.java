package nl.steunpunt.buddy.workflow.internal;

import java.time.Clock;
import java.util.Date;

import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.processes.BuddyOffboardingProcess;

/** Due dates the offboarding model asks for by expression, on the engine's clock. */
@Component(BuddyOffboardingProcess.Beans.DEADLINES)
public class OffboardingDeadlines {

    private final OffboardingSettings settings;
    private final Clock clock;

    OffboardingDeadlines(OffboardingSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Date exitConversationDue(String regionCode) {
        return WorkingDays.dueOnEngineClock(clock.getZone(), settings.exitConversationWorkingDays(regionCode));
    }

    public Date handOverDue(String regionCode) {
        return WorkingDays.dueOnEngineClock(clock.getZone(), settings.handOverWorkingDays(regionCode));
    }
}
