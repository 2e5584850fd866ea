package nl.steunpunt.buddy.processes;

/**
 * IDs of {@code TrainingProcess.bpmn}: scholing of one selected buddy, from enrolment through the
 * modules and the trainer's sign-off to certification, and the yearly refresher that keeps the
 * qualification. {@code ProcessModelsTest} checks that every constant exists in the model.
 */
public final class TrainingProcess {

    public static final String PROCESS_ID = "TrainingProcess";

    public static final String EVENT_ENROLLED = "Event_Enrolled";
    public static final String TASK_ATTEND_MODULES = "Task_AttendModules";
    public static final String EVENT_SESSION_MISSED = "Event_SessionMissed";
    public static final String TASK_PLAN_MAKE_UP = "Task_PlanMakeUp";
    public static final String EVENT_NO_PROGRESS = "Event_NoProgress";
    public static final String TASK_CHECK_PROGRESS = "Task_CheckProgress";
    public static final String TASK_SIGN_OFF = "Task_SignOff";
    public static final String GATEWAY_ALL_MET = "Gateway_AllMet";
    public static final String TASK_CERTIFY = "Task_Certify";
    public static final String GATEWAY_REFRESHER = "Gateway_Refresher";
    public static final String EVENT_REFRESHER_COMPLETED = "Event_RefresherCompleted";
    public static final String TASK_RECORD_REFRESHER = "Task_RecordRefresher";
    public static final String EVENT_REFRESHER_MISSED = "Event_RefresherMissed";
    public static final String TASK_EXPIRE_QUALIFICATION = "Task_ExpireQualification";
    public static final String EVENT_QUALIFICATION_EXPIRED = "Event_QualificationExpired";

    /** Message names, for correlation. */
    public static final class Messages {
        public static final String MODULES_COMPLETED = "ModulesCompleted";
        public static final String SESSION_MISSED = "SessionMissed";
        public static final String REFRESHER_COMPLETED = "RefresherCompleted";

        private Messages() {
        }
    }

    /** Form keys: the UI maps each to its own screen. */
    public static final class Forms {
        public static final String PLAN_MAKE_UP = "buddy:plan-make-up";
        public static final String CHECK_TRAINING_PROGRESS = "buddy:check-training-progress";
        public static final String SIGN_OFF = "buddy:sign-off";

        private Forms() {
        }
    }

    /** Process variables: IDs and routing flags only. */
    public static final class Variables {
        /** The trainee: the ID of the buddy's application. */
        public static final String TRAINEE_ID = "traineeId";
        public static final String REGION_CODE = "regionCode";
        /** Routing flag set when a sign-off round completes. */
        public static final String ALL_MET = "allMet";

        private Variables() {
        }
    }

    /** Beans the model calls by expression. */
    public static final class Beans {
        public static final String DEADLINES = "trainingDeadlines";
        public static final String CERTIFY = "certifyDelegate";
        public static final String RECORD_REFRESHER = "recordRefresherDelegate";
        public static final String EXPIRE_QUALIFICATION = "expireQualificationDelegate";

        private Beans() {
        }
    }

    private TrainingProcess() {
    }
}
