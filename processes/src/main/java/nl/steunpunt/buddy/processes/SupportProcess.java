package nl.steunpunt.buddy.processes;

/**
 * IDs of {@code SupportProcess.bpmn}: begeleiding of one active match, from activation to closure.
 * The main path waits for the review after six months; the coordinator extends by three months at
 * most {@code maxExtensions} times (default twice) or closes, which ends every open side path (a
 * terminate end event; the app then starts the closure process). Beside it, three non-interrupting
 * event subprocesses: coordinator check-ins on a fixed cycle (after two weeks, then every six
 * weeks), any number of school meetings (each its own path with its own {@code meetingId},
 * cancelled one by one), and any number of concerns raised by the buddy. Parent or buddy can end
 * the match early at any moment. {@code RecruitmentProcessModelTest} checks the constants.
 *
 * <p>Business key: the match's help-request reference. Start variables: {@link Variables#MATCH_ID},
 * {@link Variables#HELP_REQUEST_ID}, {@link Variables#REGION_CODE}, {@link Variables#BUDDY_USER_ID}.
 */
public final class SupportProcess {

    public static final String PROCESS_ID = "SupportProcess";

    public static final String EVENT_SUPPORT_STARTED = "Event_SupportStarted";
    public static final String EVENT_REVIEW_DUE = "Event_ReviewDue";
    public static final String GATEWAY_TO_REVIEW = "Gateway_ToReview";
    public static final String TASK_REVIEW_MATCH = "Task_ReviewMatch";
    public static final String GATEWAY_REVIEW_OUTCOME = "Gateway_ReviewOutcome";
    public static final String TASK_EXTEND_MATCH = "Task_ExtendMatch";
    public static final String EVENT_EXTENSION_OVER = "Event_ExtensionOver";
    /** Terminate end event: the app starts the closure process when an instance ends here. */
    public static final String EVENT_SUPPORT_ENDED = "Event_SupportEnded";

    public static final String SUB_PROCESS_CHECK_IN = "SubProcess_CheckIn";
    public static final String EVENT_CHECK_IN_DUE = "Event_CheckInDue";
    public static final String TASK_CHECK_IN = "Task_CheckIn";

    public static final String SUB_PROCESS_SCHOOL_MEETING = "SubProcess_SchoolMeeting";
    public static final String EVENT_SCHOOL_MEETING_PLANNED = "Event_SchoolMeetingPlanned";
    public static final String EVENT_PREPARE_MEETING_DUE = "Event_PrepareMeetingDue";
    public static final String TASK_PREPARE_SCHOOL_MEETING = "Task_PrepareSchoolMeeting";
    public static final String EVENT_MEETING_STARTED = "Event_MeetingStarted";
    public static final String GATEWAY_MEETING_HELD = "Gateway_MeetingHeld";
    public static final String EVENT_MEETING_OVER = "Event_MeetingOver";
    public static final String TASK_FOLLOW_UP_SCHOOL_MEETING = "Task_FollowUpSchoolMeeting";
    public static final String EVENT_SCHOOL_MEETING_DONE = "Event_SchoolMeetingDone";
    public static final String SUB_PROCESS_SCHOOL_MEETING_CANCELLED = "SubProcess_SchoolMeetingCancelled";
    public static final String EVENT_SCHOOL_MEETING_CANCELLED = "Event_SchoolMeetingCancelled";
    public static final String EVENT_SCHOOL_MEETING_DROPPED = "Event_SchoolMeetingDropped";

    public static final String SUB_PROCESS_CONCERN = "SubProcess_Concern";
    public static final String EVENT_CONCERN_RAISED = "Event_ConcernRaised";
    public static final String TASK_DISCUSS_CONCERN = "Task_DiscussConcern";

    public static final String SUB_PROCESS_ENDED_EARLY = "SubProcess_EndedEarly";
    public static final String EVENT_MATCH_ENDED_EARLY = "Event_MatchEndedEarly";
    /** The app starts the closure process when an instance ends here too. */
    public static final String EVENT_ENDED_EARLY = "Event_EndedEarly";

    /** Message names, for correlation (by business key). */
    public static final class Messages {
        /**
         * The buddy registered a school meeting. Correlate with {@link Variables#MEETING_ID}, preferably as a
         * transient value: the model keeps it local to the meeting's own path and removes it from the instance.
         */
        public static final String SCHOOL_MEETING_PLANNED = "SchoolMeetingPlanned";
        /**
         * A meeting was cancelled or moved: correlate with {@code localVariableEquals(MEETING_ID, id)} to end that
         * meeting's path only; a moved meeting is then planned again (same or new ID) with its new date.
         */
        public static final String SCHOOL_MEETING_CANCELLED = "SchoolMeetingCancelled";
        /** The buddy raised a concern. Correlate with {@link Variables#CONCERN_ID} (kept local, like a meeting). */
        public static final String CONCERN_RAISED = "ConcernRaised";
        /** Parent or buddy ended the match early; the reason is recorded by the app before it correlates. */
        public static final String MATCH_ENDED_EARLY = "MatchEndedEarly";

        private Messages() {
        }
    }

    /** Form keys: the UI maps each to its own screen. */
    public static final class Forms {
        public static final String CHECK_IN = "buddy:check-in";
        public static final String PREPARE_SCHOOL_MEETING = "buddy:prepare-school-meeting";
        public static final String FOLLOW_UP_SCHOOL_MEETING = "buddy:follow-up-school-meeting";
        public static final String DISCUSS_CONCERN = "buddy:discuss-concern";
        public static final String REVIEW_MATCH = "buddy:review-match";

        private Forms() {
        }
    }

    /** Process variables: IDs, counters and routing flags only. */
    public static final class Variables {
        public static final String MATCH_ID = "matchId";
        public static final String HELP_REQUEST_ID = "helpRequestId";
        public static final String REGION_CODE = "regionCode";
        /** The buddy's user ID: her meeting tasks are assigned to her; the app updates it on a hand-over. */
        public static final String BUDDY_USER_ID = "buddyUserId";
        /** Local to one school-meeting path. */
        public static final String MEETING_ID = "meetingId";
        /** Local to one concern path. */
        public static final String CONCERN_ID = "concernId";
        /** Set when the review task completes: true to extend (only offered while extensions are left). */
        public static final String EXTEND = "extend";
        /** Number of extensions so far (a {@code Long}); the model starts it at 0 and counts it up. */
        public static final String EXTENSIONS = "extensions";

        private Variables() {
        }
    }

    /** Beans the model calls by expression. */
    public static final class Beans {
        /**
         * Deadlines per region or per meeting: {@code checkInCycle(region)} (ISO repeating interval with a start,
         * e.g. {@code R/2026-05-18T09:00:00Z/P42D}), {@code checkInDue(region)}, {@code concernDue(region)},
         * {@code reviewPeriod(region)}, {@code reviewDue(region)}, {@code extensionPeriod(region)},
         * {@code maxExtensions(region)}, and {@code prepareMeetingAt(meetingId)}, {@code meetingStartsAt(meetingId)},
         * {@code followUpAt(meetingId)}, {@code followUpDue(meetingId)}.
         */
        public static final String DEADLINES = "supportDeadlines";
        public static final String EXTEND_MATCH = "extendMatchDelegate";

        private Beans() {
        }
    }

    private SupportProcess() {
    }
}
