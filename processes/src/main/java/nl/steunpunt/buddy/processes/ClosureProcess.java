package nl.steunpunt.buddy.processes;

/**
 * IDs of {@code ClosureProcess.bpmn}: afsluiting of one closed match, started by the app when a
 * support process ends (review or early end). Two branches from the start: the closing work and
 * the retention period. The work: the coordinator's closing conversation, the buddy back in the
 * pool, then side by side the parent's evaluation through a personal link (one reminder, then the
 * link expires) and the buddy's evaluation (lapses if not filled in) followed by the coordinator's
 * thanks and expenses. The retention period (default twelve months) runs from the closure itself;
 * when both are done the case is anonymised. {@code RecruitmentProcessModelTest} checks the constants.
 *
 * <p>Business key: the match's help-request reference. Start variables: {@link Variables#MATCH_ID},
 * {@link Variables#HELP_REQUEST_ID}, {@link Variables#REGION_CODE}, {@link Variables#BUDDY_USER_ID}.
 */
public final class ClosureProcess {

    public static final String PROCESS_ID = "ClosureProcess";

    public static final String EVENT_CLOSURE_STARTED = "Event_ClosureStarted";
    public static final String GATEWAY_CLOSURE_SPLIT = "Gateway_ClosureSplit";
    public static final String EVENT_RETENTION_OVER = "Event_RetentionOver";
    public static final String TASK_CLOSING_CONVERSATION = "Task_ClosingConversation";
    public static final String TASK_RESTORE_BUDDY_CAPACITY = "Task_RestoreBuddyCapacity";
    public static final String GATEWAY_EVALUATION_SPLIT = "Gateway_EvaluationSplit";
    public static final String TASK_SEND_EVALUATION_LINK = "Task_SendEvaluationLink";
    public static final String TASK_AWAIT_PARENT_EVALUATION = "Task_AwaitParentEvaluation";
    public static final String EVENT_PARENT_REMINDER_DUE = "Event_ParentReminderDue";
    public static final String TASK_REMIND_PARENT = "Task_RemindParent";
    public static final String EVENT_PARENT_REMINDED = "Event_ParentReminded";
    public static final String EVENT_EVALUATION_LINK_EXPIRES = "Event_EvaluationLinkExpires";
    public static final String TASK_EXPIRE_EVALUATION_LINK = "Task_ExpireEvaluationLink";
    public static final String GATEWAY_PARENT_EVALUATION_DONE = "Gateway_ParentEvaluationDone";
    public static final String TASK_BUDDY_EVALUATION = "Task_BuddyEvaluation";
    public static final String EVENT_BUDDY_EVALUATION_OVERDUE = "Event_BuddyEvaluationOverdue";
    public static final String GATEWAY_BUDDY_EVALUATION_DONE = "Gateway_BuddyEvaluationDone";
    public static final String TASK_APPRECIATION = "Task_Appreciation";
    public static final String GATEWAY_EVALUATION_JOIN = "Gateway_EvaluationJoin";
    public static final String GATEWAY_CLOSURE_JOIN = "Gateway_ClosureJoin";
    public static final String TASK_ANONYMISE_CASE = "Task_AnonymiseCase";
    public static final String EVENT_CASE_ANONYMISED = "Event_CaseAnonymised";

    /** Message names, for correlation (by business key). */
    public static final class Messages {
        /** The parent submitted the evaluation through the personal link (stored by the app, not in the process). */
        public static final String PARENT_EVALUATION_RECEIVED = "ParentEvaluationReceived";

        private Messages() {
        }
    }

    /** Form keys: the UI maps each to its own screen. */
    public static final class Forms {
        public static final String CLOSING_CONVERSATION = "buddy:closing-conversation";
        public static final String BUDDY_EVALUATION = "buddy:buddy-evaluation";
        public static final String APPRECIATION = "buddy:appreciation";

        private Forms() {
        }
    }

    /** Process variables: IDs and routing flags only. */
    public static final class Variables {
        public static final String MATCH_ID = "matchId";
        public static final String HELP_REQUEST_ID = "helpRequestId";
        public static final String REGION_CODE = "regionCode";
        /** The buddy's evaluation task is assigned to her. */
        public static final String BUDDY_USER_ID = "buddyUserId";
        /** False from the start; the model sets it when the parent's evaluation arrives before the link expires. */
        public static final String PARENT_EVALUATION_RECEIVED = "parentEvaluationReceived";

        private Variables() {
        }
    }

    /** Beans the model calls by expression. */
    public static final class Beans {
        /**
         * Periods and due dates per region: {@code retentionPeriod} (default P12M), {@code evaluationReminderPeriod}
         * (P3W), {@code evaluationLinkPeriod} (P6W), {@code buddyEvaluationPeriod}, and {@code closingConversationDue},
         * {@code buddyEvaluationDue}, {@code appreciationDue}.
         */
        public static final String DEADLINES = "closureDeadlines";
        public static final String RESTORE_BUDDY_CAPACITY = "restoreBuddyCapacityDelegate";
        /** Creates the parent's personal evaluation link and sends it. */
        public static final String SEND_PARENT_EVALUATION_LINK = "sendParentEvaluationLinkDelegate";
        public static final String REMIND_PARENT_EVALUATION = "remindParentEvaluationDelegate";
        public static final String EXPIRE_EVALUATION_LINK = "expireEvaluationLinkDelegate";
        /** Anonymises the personal data of parent and child of the case; anonymised statistics stay. */
        public static final String ANONYMISE_CASE = "anonymiseCaseDelegate";

        private Beans() {
        }
    }

    private ClosureProcess() {
    }
}
