package nl.steunpunt.buddy.processes;

/**
 * IDs of {@code IntervisieProcess.bpmn}: the long-running cycle of one intervisie group (or of one
 * region's series of exchange meetings, see {@link Variables#SESSION_KIND}). The facilitator plans
 * a session (every 6–8 weeks; the app checks the date), the model waits until it is over (a moved
 * session recalculates the wait, a cancelled one goes back to planning), the facilitator records
 * attendance and anonymised themes, and the app works out how many buddies have now missed two
 * intervisie sessions in a row. If any, the coordinators of the region get one check-in task for
 * that session, beside the planning of the next one. The group is closed by message while a
 * session is being planned or awaited, never between the session and its record; open check-ins
 * are finished first. {@code RecruitmentProcessModelTest} checks the constants.
 *
 * <p>Business key: the group's reference. Start variables: {@link Variables#GROUP_ID},
 * {@link Variables#REGION_CODE}, {@link Variables#SESSION_KIND}.
 */
public final class IntervisieProcess {

    public static final String PROCESS_ID = "IntervisieProcess";

    public static final String EVENT_GROUP_STARTED = "Event_GroupStarted";
    public static final String GATEWAY_NEXT_SESSION = "Gateway_NextSession";
    public static final String TASK_PLAN_SESSION = "Task_PlanSession";
    public static final String EVENT_GROUP_CLOSED_WHILE_PLANNING = "Event_GroupClosedWhilePlanning";
    public static final String GATEWAY_SESSION_PLANNED = "Gateway_SessionPlanned";
    public static final String GATEWAY_UNTIL_SESSION = "Gateway_UntilSession";
    public static final String EVENT_SESSION_HELD = "Event_SessionHeld";
    public static final String EVENT_SESSION_RESCHEDULED = "Event_SessionRescheduled";
    public static final String EVENT_SESSION_CANCELLED = "Event_SessionCancelled";
    public static final String EVENT_GROUP_CLOSED_BEFORE_SESSION = "Event_GroupClosedBeforeSession";
    public static final String TASK_RECORD_SESSION = "Task_RecordSession";
    public static final String TASK_PROCESS_ATTENDANCE = "Task_ProcessAttendance";
    public static final String GATEWAY_MISSED_TWICE = "Gateway_MissedTwice";
    public static final String GATEWAY_CHECK_IN_SPLIT = "Gateway_CheckInSplit";
    public static final String TASK_CHECK_IN_AFTER_MISSED = "Task_CheckInAfterMissed";
    public static final String EVENT_CHECK_INS_DONE = "Event_CheckInsDone";
    public static final String GATEWAY_GROUP_CLOSED = "Gateway_GroupClosed";
    public static final String EVENT_GROUP_CLOSED = "Event_GroupClosed";

    /** Message names, for correlation (by business key). */
    public static final class Messages {
        /** The planned session got a new date (already saved by the app): the wait is recalculated. */
        public static final String SESSION_RESCHEDULED = "IntervisieSessionRescheduled";
        /** The planned session will not take place: the facilitator plans again. */
        public static final String SESSION_CANCELLED = "IntervisieSessionCancelled";
        /** Only while planning or waiting for a session; otherwise the correlation fails (record the session first). */
        public static final String GROUP_CLOSED = "IntervisieGroupClosed";

        private Messages() {
        }
    }

    /** Form keys: the UI maps each to its own screen. */
    public static final class Forms {
        /** Completes with {@link Variables#SESSION_ID} of the session the app created. */
        public static final String PLAN_INTERVISIE = "buddy:plan-intervisie";
        /** Attendance per buddy and anonymised themes, stored by the app, never in the process. */
        public static final String RECORD_INTERVISIE = "buddy:record-intervisie";
        /** Lists the buddies of the task's session who missed twice in a row, from the app's records. */
        public static final String INTERVISIE_CHECK_IN = "buddy:intervisie-check-in";

        private Forms() {
        }
    }

    /** Process variables: IDs, counters and routing flags only. */
    public static final class Variables {
        public static final String GROUP_ID = "groupId";
        public static final String REGION_CODE = "regionCode";
        /** {@link SessionKinds#INTERVISIE} or {@link SessionKinds#EXCHANGE}; the missed-twice rule is for intervisie only. */
        public static final String SESSION_KIND = "sessionKind";
        /** The session being planned or held; the check-in task keeps its own copy (a local input). */
        public static final String SESSION_ID = "sessionId";
        /** Set by the attendance delegate: buddies of the group who have now missed two sessions in a row. */
        public static final String MISSED_TWICE_COUNT = "missedTwiceCount";

        private Variables() {
        }
    }

    /** Values of {@link Variables#SESSION_KIND}. */
    public static final class SessionKinds {
        public static final String INTERVISIE = "INTERVISIE";
        public static final String EXCHANGE = "EXCHANGE";

        private SessionKinds() {
        }
    }

    /** Beans the model calls by expression. */
    public static final class Beans {
        /**
         * {@code planningDue(region)}, {@code recordDue(region)}, {@code checkInDue(region)} and
         * {@code sessionEndsAt(sessionId)} (the end of the planned session).
         */
        public static final String DEADLINES = "intervisieDeadlines";
        /** Records the attendance and sets {@link Variables#MISSED_TWICE_COUNT}. */
        public static final String RECORD_ATTENDANCE = "recordIntervisieAttendanceDelegate";

        private Beans() {
        }
    }

    private IntervisieProcess() {
    }
}
