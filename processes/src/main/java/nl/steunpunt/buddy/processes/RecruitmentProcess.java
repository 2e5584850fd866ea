package nl.steunpunt.buddy.processes;

/**
 * IDs of {@code RecruitmentProcess.bpmn}: werving en selectie of one buddy application, from
 * receipt through screening, intake, assessment, the decision and the VOG to training; withdrawal
 * ends it at any moment. {@code RecruitmentProcessModelTest} checks that every constant exists in
 * the model.
 */
public final class RecruitmentProcess {

    public static final String PROCESS_ID = "RecruitmentProcess";

    public static final String EVENT_APPLICATION_RECEIVED = "Event_ApplicationReceived";
    public static final String TASK_SEND_RECEIPT = "Task_SendReceipt";
    public static final String TASK_SCREEN_APPLICATION = "Task_ScreenApplication";
    public static final String EVENT_SCREENING_DUE = "Event_ScreeningDue";
    public static final String TASK_REMIND_COORDINATORS = "Task_RemindCoordinators";
    public static final String EVENT_SCREENING_OVERDUE = "Event_ScreeningOverdue";
    public static final String TASK_DISCUSS_OVERDUE_SCREENING = "Task_DiscussOverdueScreening";
    public static final String GATEWAY_SUITABLE = "Gateway_Suitable";
    public static final String TASK_SCHEDULE_INTAKE = "Task_ScheduleIntake";
    public static final String TASK_SEND_INTAKE_INVITATION = "Task_SendIntakeInvitation";
    public static final String TASK_HOLD_INTAKE = "Task_HoldIntake";
    public static final String TASK_ASSESS_SUITABILITY = "Task_AssessSuitability";
    public static final String TASK_ADVISE_SELECTION = "Task_AdviseSelection";
    public static final String TASK_DECIDE = "Task_Decide";
    public static final String GATEWAY_DECISION = "Gateway_Decision";
    public static final String TASK_INFORM_ON_HOLD = "Task_InformOnHold";
    public static final String EVENT_ON_HOLD_ELAPSED = "Event_OnHoldElapsed";
    public static final String TASK_CONFIRM_SELECTION = "Task_ConfirmSelection";
    public static final String TASK_REQUEST_VOG = "Task_RequestVog";
    public static final String TASK_AWAIT_VOG = "Task_AwaitVog";
    public static final String EVENT_VOG_REMINDER_DUE = "Event_VogReminderDue";
    public static final String TASK_REMIND_VOG = "Task_RemindVog";
    public static final String EVENT_VOG_OVERDUE = "Event_VogOverdue";
    public static final String TASK_CHASE_VOG = "Task_ChaseVog";
    public static final String GATEWAY_VOG_VALID = "Gateway_VogValid";
    public static final String TASK_ENROLL_IN_TRAINING = "Task_EnrollInTraining";
    public static final String EVENT_ENROLLED_IN_TRAINING = "Event_EnrolledInTraining";
    public static final String TASK_CONFIRM_REJECTION = "Task_ConfirmRejection";
    public static final String EVENT_NOT_SELECTED = "Event_NotSelected";
    public static final String SUB_PROCESS_WITHDRAWAL = "SubProcess_Withdrawal";
    public static final String EVENT_APPLICATION_WITHDRAWN = "Event_ApplicationWithdrawn";
    public static final String TASK_RECORD_WITHDRAWAL = "Task_RecordWithdrawal";
    public static final String EVENT_WITHDRAWN = "Event_Withdrawn";

    /** Message names, for correlation. */
    public static final class Messages {
        public static final String APPLICATION_WITHDRAWN = "ApplicationWithdrawn";
        public static final String VOG_RECEIVED = "VogReceived";

        private Messages() {
        }
    }

    /** Form keys: the UI maps each to its own screen. */
    public static final class Forms {
        public static final String SCREEN_APPLICATION = "buddy:screen-application";
        public static final String DISCUSS_OVERDUE_SCREENING = "buddy:discuss-overdue-screening";
        public static final String SCHEDULE_INTAKE = "buddy:schedule-intake";
        public static final String HOLD_INTAKE = "buddy:hold-intake";
        public static final String ASSESS_SUITABILITY = "buddy:assess-suitability";
        public static final String DECIDE = "buddy:decide";
        public static final String CHASE_VOG = "buddy:chase-vog";

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
        /** Routing flag carried by the VOG-received message. */
        public static final String VOG_VALID = "vogValid";
        /** Local input of a notification task: which mail template to send. */
        public static final String MAIL_TEMPLATE = "mailTemplate";

        private Variables() {
        }
    }

    /** Beans the model calls by expression. */
    public static final class Beans {
        public static final String DEADLINES = "deadlines";
        public static final String NOTIFY_APPLICANT = "notifyApplicantDelegate";
        public static final String REMIND_COORDINATORS = "remindCoordinatorsDelegate";
        public static final String ADVISE_SELECTION = "adviseSelectionDelegate";
        public static final String CONFIRM_SELECTION = "confirmSelectionDelegate";
        public static final String CONFIRM_REJECTION = "confirmRejectionDelegate";
        public static final String ENROLL_IN_TRAINING = "enrollInTrainingDelegate";
        public static final String RECORD_WITHDRAWAL = "recordWithdrawalDelegate";

        private Beans() {
        }
    }

    private RecruitmentProcess() {
    }
}
