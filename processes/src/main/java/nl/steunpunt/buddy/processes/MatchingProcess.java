package nl.steunpunt.buddy.processes;

/**
 * IDs of {@code MatchingProcess.bpmn}: hulpvraag en koppeling for one help request, from intake
 * through ranking, proposal and the buddy's answer (decline chain, time-out, escalation), the
 * waiting list with periodic re-evaluation, first contact and introduction, to an active match;
 * the requester can withdraw at any moment. {@code RecruitmentProcessModelTest} checks the constants.
 */
public final class MatchingProcess {

    public static final String PROCESS_ID = "MatchingProcess";

    public static final String EVENT_HELP_REQUESTED = "Event_HelpRequested";
    public static final String TASK_INTAKE_REQUEST = "Task_IntakeRequest";
    public static final String TASK_RANK_CANDIDATES = "Task_RankCandidates";
    public static final String GATEWAY_CANDIDATES_AVAILABLE = "Gateway_CandidatesAvailable";
    public static final String TASK_PLACE_ON_WAITING_LIST = "Task_PlaceOnWaitingList";
    public static final String GATEWAY_ON_WAITING_LIST = "Gateway_OnWaitingList";
    public static final String EVENT_PROPOSED_FROM_WAITING_LIST = "Event_ProposedFromWaitingList";
    public static final String EVENT_REEVALUATE_WAITING_LIST = "Event_ReevaluateWaitingList";
    public static final String TASK_PROPOSE_BUDDY = "Task_ProposeBuddy";
    public static final String TASK_ANSWER_PROPOSAL = "Task_AnswerProposal";
    public static final String EVENT_NO_ANSWER = "Event_NoAnswer";
    public static final String GATEWAY_ACCEPTED = "Gateway_Accepted";
    public static final String TASK_RECORD_DECLINE = "Task_RecordDecline";
    public static final String GATEWAY_TOO_MANY_DECLINES = "Gateway_TooManyDeclines";
    public static final String TASK_ESCALATE_MATCHING = "Task_EscalateMatching";
    public static final String TASK_FIRST_CONTACT = "Task_FirstContact";
    public static final String EVENT_FIRST_CONTACT_DUE = "Event_FirstContactDue";
    public static final String TASK_REMIND_FIRST_CONTACT = "Task_RemindFirstContact";
    public static final String TASK_INTRODUCTION_MEETING = "Task_IntroductionMeeting";
    public static final String TASK_ACTIVATE_MATCH = "Task_ActivateMatch";
    public static final String EVENT_MATCH_ACTIVE = "Event_MatchActive";
    public static final String SUB_PROCESS_REQUEST_WITHDRAWAL = "SubProcess_RequestWithdrawal";
    public static final String EVENT_REQUEST_WITHDRAWN = "Event_RequestWithdrawn";
    public static final String TASK_RECORD_REQUEST_WITHDRAWAL = "Task_RecordRequestWithdrawal";

    /** Message names, for correlation. */
    public static final class Messages {
        public static final String REQUEST_WITHDRAWN = "RequestWithdrawn";
        /** A coordinator proposes a buddy to a waiting request (alone or in a reviewed batch). */
        public static final String PROPOSED_FROM_WAITING_LIST = "ProposedFromWaitingList";

        private Messages() {
        }
    }

    /** Form keys: the UI maps each to its own screen. */
    public static final class Forms {
        public static final String INTAKE_REQUEST = "buddy:intake-request";
        public static final String PROPOSE_BUDDY = "buddy:propose-buddy";
        public static final String ANSWER_PROPOSAL = "buddy:answer-proposal";
        public static final String ESCALATE_MATCHING = "buddy:escalate-matching";
        public static final String FIRST_CONTACT = "buddy:first-contact";
        public static final String INTRODUCTION_MEETING = "buddy:introduction-meeting";

        private Forms() {
        }
    }

    /** Process variables: IDs, counters and routing flags only. */
    public static final class Variables {
        public static final String HELP_REQUEST_ID = "helpRequestId";
        public static final String REGION_CODE = "regionCode";
        public static final String CANDIDATES_AVAILABLE = "candidatesAvailable";
        /** The user ID of the proposed buddy: her answer and first-contact tasks are assigned to her alone. */
        public static final String PROPOSED_BUDDY_USER_ID = "proposedBuddyUserId";
        public static final String ACCEPTED = "accepted";
        public static final String DECLINE_COUNT = "declineCount";

        private Variables() {
        }
    }

    /** Beans the model calls by expression. */
    public static final class Beans {
        public static final String DEADLINES = "matchingDeadlines";
        public static final String RANK_CANDIDATES = "rankCandidatesDelegate";
        public static final String PLACE_ON_WAITING_LIST = "placeOnWaitingListDelegate";
        public static final String RECORD_DECLINE = "recordDeclineDelegate";
        public static final String REMIND_FIRST_CONTACT = "remindFirstContactDelegate";
        public static final String ACTIVATE_MATCH = "activateMatchDelegate";
        public static final String RECORD_REQUEST_WITHDRAWAL = "recordRequestWithdrawalDelegate";

        private Beans() {
        }
    }

    private MatchingProcess() {
    }
}
