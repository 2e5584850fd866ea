package nl.steunpunt.buddy.processes;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Stands in for the workflow module's matching deadlines. */
public class TestMatchingDeadlines {

    public Date intakeDue(String regionCode) {
        return after(Duration.ofDays(3));
    }

    public String reevaluationPeriod(String regionCode) {
        return "P7D";
    }

    public Date answerDue(String regionCode) {
        return after(Duration.ofDays(3));
    }

    public String answerPeriod(String regionCode) {
        return "P3D";
    }

    public Date firstContactDue(String regionCode) {
        return after(Duration.ofHours(48));
    }

    public String firstContactPeriod(String regionCode) {
        return "PT48H";
    }

    public Date introductionDue(String regionCode) {
        return after(Duration.ofDays(14));
    }

    private static Date after(Duration duration) {
        return new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis());
    }
}
