package nl.steunpunt.buddy.processes;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Stands in for the workflow module's training deadlines. */
public class TestTrainingDeadlines {

    static final String NO_PROGRESS = "P42D";
    static final Duration SIGN_OFF = Duration.ofDays(14);
    static final String REFRESHER = "P365D";

    public String noProgressPeriod(String regionCode) {
        return NO_PROGRESS;
    }

    public Date signOffDue(String regionCode) {
        return new Date(ClockUtil.getCurrentTime().getTime() + SIGN_OFF.toMillis());
    }

    public String refresherPeriod(String regionCode) {
        return REFRESHER;
    }
}
