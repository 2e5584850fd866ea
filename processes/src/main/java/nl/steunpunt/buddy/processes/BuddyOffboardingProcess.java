package nl.steunpunt.buddy.processes;

/**
 * IDs of {@code BuddyOffboardingProcess.bpmn}: a buddy leaves. Side by side the coordinator holds
 * the exit conversation and hands over each of the buddy's active matches (one task per match ID,
 * a parallel multi-instance over {@link Variables#ACTIVE_MATCH_IDS}); when all is done the buddy's
 * record is archived. {@code RecruitmentProcessModelTest} checks the constants.
 *
 * <p>Business key: the buddy's reference. Start variables: {@link Variables#BUDDY_ID},
 * {@link Variables#REGION_CODE}, {@link Variables#ACTIVE_MATCH_IDS}.
 */
public final class BuddyOffboardingProcess {

    public static final String PROCESS_ID = "BuddyOffboardingProcess";

    public static final String EVENT_BUDDY_LEAVING = "Event_BuddyLeaving";
    public static final String GATEWAY_OFFBOARDING_SPLIT = "Gateway_OffboardingSplit";
    public static final String TASK_EXIT_CONVERSATION = "Task_ExitConversation";
    public static final String TASK_HAND_OVER_MATCH = "Task_HandOverMatch";
    public static final String GATEWAY_OFFBOARDING_JOIN = "Gateway_OffboardingJoin";
    public static final String TASK_ARCHIVE_BUDDY = "Task_ArchiveBuddy";
    public static final String EVENT_BUDDY_ARCHIVED = "Event_BuddyArchived";

    /** No messages: the app starts the process; a hand-over is completed through its task. */
    public static final class Messages {
        private Messages() {
        }
    }

    /** Form keys: the UI maps each to its own screen. */
    public static final class Forms {
        public static final String EXIT_CONVERSATION = "buddy:exit-conversation";
        /**
         * One match: the coordinator proposes another buddy (the app updates {@code buddyUserId} of that match's
         * support process and reassigns its open buddy tasks) or ends the match (the app correlates
         * {@link SupportProcess.Messages#MATCH_ENDED_EARLY}).
         */
        public static final String HAND_OVER_MATCH = "buddy:hand-over-match";

        private Forms() {
        }
    }

    /** Process variables: IDs only. */
    public static final class Variables {
        public static final String BUDDY_ID = "buddyId";
        public static final String REGION_CODE = "regionCode";
        /** The IDs (only) of the buddy's active matches when she leaves; may be empty. */
        public static final String ACTIVE_MATCH_IDS = "activeMatchIds";
        /** Local to one hand-over task. */
        public static final String MATCH_ID = "matchId";

        private Variables() {
        }
    }

    /** Beans the model calls by expression. */
    public static final class Beans {
        /** {@code exitConversationDue(region)}, {@code handOverDue(region)}. */
        public static final String DEADLINES = "offboardingDeadlines";
        public static final String ARCHIVE_BUDDY = "archiveBuddyDelegate";

        private Beans() {
        }
    }

    private BuddyOffboardingProcess() {
    }
}
