package nl.steunpunt.buddy.workflow;

import java.util.UUID;

import nl.steunpunt.buddy.matching.ClosureReason;
import nl.steunpunt.buddy.support.MeetingPlan;
import nl.steunpunt.buddy.support.NewConcern;

/**
 * What screens do during begeleiding that the support process must hear of: each call records its
 * data in the support or matching module and moves the match's process on, in one transaction.
 * Every call checks the acting user through the module it records in.
 */
public interface SupportActions {

    /** The buddy plans a school meeting: reminded two days before, prompted afterwards. Returns the meeting's ID. */
    UUID planSchoolMeeting(UUID matchId, MeetingPlan plan);

    /** The buddy moves a planned meeting: its reminders are calculated again for the new time. */
    void moveSchoolMeeting(UUID meetingId, MeetingPlan plan);

    /** The buddy cancels a planned meeting: its reminders are dropped. */
    void cancelSchoolMeeting(UUID meetingId);

    /** The buddy raises a concern: the region's coordinators get a task, due in a working day. Returns its ID. */
    UUID raiseConcern(UUID matchId, NewConcern concern);

    /** Parent or buddy stop: the match ends with this reason (buddy or coordinator records it) and support ends. */
    void endEarly(UUID matchId, ClosureReason reason, String note);

    /** What the review task may decide: extend only while extensions are left. */
    ReviewOptions reviewOptions(String taskId);

    /**
     * Records the review's decision in its modules without completing the task (a task screen's
     * completion does that, with {@code extend} as routing): extending only while extensions are left,
     * closing with a reason ends the match.
     */
    void recordReview(String taskId, boolean extend, ClosureReason reason, String note);

    /** The school meeting a buddy's meeting task is about. */
    UUID meetingOf(String taskId);

    /** The concern a coordinator's concern task is about. */
    UUID concernOf(String taskId);

    /** The review extends the match (only while extensions are left). */
    void extend(String taskId, String reason);

    /** The review closes the match with a reason; support ends. */
    void close(String taskId, ClosureReason reason, String note);

    /** Whether the support process of this match runs (it starts shortly after the match became active). */
    boolean isRunning(UUID matchId);

    /**
     * A coordinator of the match's region brings the next check-in forward to now; the cycle goes on
     * from its original rhythm afterwards.
     */
    void checkInNow(UUID matchId);

    /** Extensions so far and the region's maximum. */
    record ReviewOptions(int extensions, int maxExtensions) {

        public boolean canExtend() {
            return extensions < maxExtensions;
        }

        public int left() {
            return Math.max(0, maxExtensions - extensions);
        }
    }
}
