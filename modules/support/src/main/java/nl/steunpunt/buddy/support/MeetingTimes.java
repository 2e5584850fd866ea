package nl.steunpunt.buddy.support;

import java.time.Instant;

import nl.steunpunt.buddy.shared.RegionCode;

/** When a school meeting starts and ends, and the match's region: all the workflow needs for its reminders (no personal data). */
public record MeetingTimes(Instant startsAt, Instant endsAt, RegionCode region) {
}
