package nl.steunpunt.buddy.processes;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Stands in for the workflow module's support deadlines; school meetings are registered by the test. */
public class TestSupportDeadlines {

    static final Duration FIRST_CHECK_IN = Duration.ofDays(14);
    static final Duration CHECK_IN_INTERVAL = Duration.ofDays(42);
    static final Duration CHECK_IN_DUE = Duration.ofDays(3);
    static final Duration CONCERN_DUE = Duration.ofDays(1);
    static final Duration REVIEW_DUE = Duration.ofDays(10);
    static final Duration MEETING_LENGTH = Duration.ofHours(2);
    static final Duration FOLLOW_UP_DUE = Duration.ofDays(2);

    private final Map<String, Instant> meetings = new HashMap<>();

    void meeting(String meetingId, Instant startsAt) {
        meetings.put(meetingId, startsAt);
    }

    public String checkInCycle(String regionCode) {
        return "R/" + now().plus(FIRST_CHECK_IN) + "/P" + CHECK_IN_INTERVAL.toDays() + "D";
    }

    public Date checkInDue(String regionCode) {
        return Date.from(now().plus(CHECK_IN_DUE));
    }

    public Date concernDue(String regionCode) {
        return Date.from(now().plus(CONCERN_DUE));
    }

    public String reviewPeriod(String regionCode) {
        return "P6M";
    }

    public Date reviewDue(String regionCode) {
        return Date.from(now().plus(REVIEW_DUE));
    }

    public String extensionPeriod(String regionCode) {
        return "P3M";
    }

    public int maxExtensions(String regionCode) {
        return 2;
    }

    public Date prepareMeetingAt(String meetingId) {
        return Date.from(meetings.get(meetingId).minus(Duration.ofDays(2)));
    }

    public Date meetingStartsAt(String meetingId) {
        return Date.from(meetings.get(meetingId));
    }

    public Date followUpAt(String meetingId) {
        return Date.from(meetings.get(meetingId).plus(MEETING_LENGTH));
    }

    public Date followUpDue(String meetingId) {
        return Date.from(meetings.get(meetingId).plus(MEETING_LENGTH).plus(FOLLOW_UP_DUE));
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
