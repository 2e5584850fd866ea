package nl.steunpunt.buddy.workflow.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.processes.SupportProcess;
import nl.steunpunt.buddy.support.MeetingTimes;
import nl.steunpunt.buddy.support.SupportRecords;

/**
 * The due dates and timers of {@code SupportProcess}: per region for check-ins, concerns and the
 * review, per school meeting (read from the support module) for the buddy's reminders. "Now" is the
 * engine's clock.
 */
@Component(SupportProcess.Beans.DEADLINES)
public class SupportDeadlines {

    private final SupportSettings settings;
    private final SupportRecords records;
    private final Clock clock;

    SupportDeadlines(SupportSettings settings, SupportRecords records, Clock clock) {
        this.settings = settings;
        this.records = records;
        this.clock = clock;
    }

    /** First check-in after the first period, then every interval: e.g. {@code R/2026-05-18T09:00:00Z/P42D}. */
    public String checkInCycle(String regionCode) {
        Instant first = now().plus(settings.firstCheckIn(regionCode)).toInstant().truncatedTo(ChronoUnit.SECONDS);
        return "R/" + first + "/" + settings.checkInInterval(regionCode);
    }

    public Date checkInDue(String regionCode) {
        return WorkingDays.dueOnEngineClock(clock.getZone(), settings.checkInWorkingDays(regionCode));
    }

    public Date concernDue(String regionCode) {
        return WorkingDays.dueOnEngineClock(clock.getZone(), settings.concernWorkingDays(regionCode));
    }

    public String reviewPeriod(String regionCode) {
        return settings.reviewPeriod(regionCode).toString();
    }

    public Date reviewDue(String regionCode) {
        return WorkingDays.dueOnEngineClock(clock.getZone(), settings.reviewWorkingDays(regionCode));
    }

    public String extensionPeriod(String regionCode) {
        return settings.extensionPeriod(regionCode).toString();
    }

    public int maxExtensions(String regionCode) {
        return settings.maxExtensions(regionCode);
    }

    /** When the buddy prepares the meeting with the parent: two days before it (or now, when it is sooner). */
    public Date prepareMeetingAt(String meetingId) {
        MeetingTimes times = times(meetingId);
        return Date.from(times.startsAt().minus(settings.prepareBefore(times.region().value())));
    }

    public Date meetingStartsAt(String meetingId) {
        return Date.from(times(meetingId).startsAt());
    }

    /** Right after the meeting the buddy is asked for her follow-up. */
    public Date followUpAt(String meetingId) {
        return Date.from(times(meetingId).endsAt());
    }

    public Date followUpDue(String meetingId) {
        MeetingTimes times = times(meetingId);
        return Date.from(times.endsAt().plus(settings.followUpPeriod(times.region().value())));
    }

    Date extendedUntil(String regionCode) {
        return Date.from(now().plus(settings.extensionPeriod(regionCode)).toInstant());
    }

    private MeetingTimes times(String meetingId) {
        return records.meetingTimes(UUID.fromString(meetingId))
                .orElseThrow(() -> new IllegalStateException("No school meeting " + meetingId));
    }

    private ZonedDateTime now() {
        return ClockUtil.getCurrentTime().toInstant().atZone(clock.getZone());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SupportSettings.class)
    static class Settings {
    }
}
