package nl.steunpunt.buddy.processes;

/**
 * IDs of {@code RecruitmentProcess.bpmn}: werving en selectie of one buddy application.
 * {@code RecruitmentProcessModelTest} checks that every constant exists in the model.
 */
public final class RecruitmentProcess {

    public static final String PROCESS_ID = "RecruitmentProcess";

    public static final String EVENT_APPLICATION_RECEIVED = "Event_ApplicationReceived";
    public static final String TASK_SCREEN_APPLICATION = "Task_ScreenApplication";
    public static final String GATEWAY_SUITABLE = "Gateway_Suitable";
    public static final String TASK_HOLD_INTAKE = "Task_HoldIntake";
    public static final String TASK_DECIDE = "Task_Decide";
    public static final String GATEWAY_DECISION = "Gateway_Decision";
    public static final String EVENT_ON_HOLD_ELAPSED = "Event_OnHoldElapsed";
    public static final String TASK_CONFIRM_SELECTION = "Task_ConfirmSelection";
    public static final String TASK_CONFIRM_REJECTION = "Task_ConfirmRejection";
    public static final String EVENT_SELECTED = "Event_Selected";
    public static final String EVENT_NOT_SELECTED = "Event_NotSelected";

    public static final String FLOW_SUITABLE = "Flow_Suitable";
    public static final String FLOW_NOT_SUITABLE = "Flow_NotSuitable";
    public static final String FLOW_SELECTED = "Flow_Selected";
    public static final String FLOW_NOT_SELECTED = "Flow_NotSelected";
    public static final String FLOW_ON_HOLD = "Flow_OnHold";

    /** Form keys: the UI maps each to its own screen. */
    public static final class Forms {
        public static final String SCREEN_APPLICATION = "buddy:screen-application";
        public static final String HOLD_INTAKE = "buddy:hold-intake";
        public static final String DECIDE = "buddy:decide";

        private Forms() {
        }
    }

    /** Process variables: IDs and routing flags only, never personal data. */
    public static final class Variables {
        public static final String APPLICATION_ID = "applicationId";
        public static final String REGION_CODE = "regionCode";
        /** Routing flag set when the screening task completes. */
        public static final String SUITABLE = "suitable";
        /** Routing flag set when the decision task completes: SELECTED, NOT_SELECTED or ON_HOLD. */
        public static final String DECISION = "decision";

        private Variables() {
        }
    }

    /** Beans the model calls by expression. */
    public static final class Beans {
        public static final String DEADLINES = "deadlines";
        public static final String CONFIRM_SELECTION = "confirmSelectionDelegate";
        public static final String CONFIRM_REJECTION = "confirmRejectionDelegate";

        private Beans() {
        }
    }

    private RecruitmentProcess() {
    }
}
