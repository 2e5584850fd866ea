package nl.steunpunt.buddy.processes;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Stands in for the workflow module's closure deadlines. */
public class TestClosureDeadlines {

    static final Duration CLOSING_CONVERSATION_DUE = Duration.ofDays(10);
    static final Duration BUDDY_EVALUATION_DUE = Duration.ofDays(14);
    static final Duration APPRECIATION_DUE = Duration.ofDays(14);

    public String retentionPeriod(String regionCode) {
        return "P12M";
    }

    public String evaluationReminderPeriod(String regionCode) {
        return "P21D";
    }

    public String evaluationLinkPeriod(String regionCode) {
        return "P42D";
    }

    public String buddyEvaluationPeriod(String regionCode) {
        return "P28D";
    }

    public Date closingConversationDue(String regionCode) {
        return after(CLOSING_CONVERSATION_DUE);
    }

    public Date buddyEvaluationDue(String regionCode) {
        return after(BUDDY_EVALUATION_DUE);
    }

    public Date appreciationDue(String regionCode) {
        return after(APPRECIATION_DUE);
    }

    private static Date after(Duration duration) {
        return new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis());
    }
}
