package nl.steunpunt.buddy.processes;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Stands in for the workflow module's offboarding deadlines. */
public class TestOffboardingDeadlines {

    static final Duration EXIT_CONVERSATION_DUE = Duration.ofDays(14);
    static final Duration HAND_OVER_DUE = Duration.ofDays(3);

    public Date exitConversationDue(String regionCode) {
        return after(EXIT_CONVERSATION_DUE);
    }

    public Date handOverDue(String regionCode) {
        return after(HAND_OVER_DUE);
    }

    private static Date after(Duration duration) {
        return new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis());
    }
}
