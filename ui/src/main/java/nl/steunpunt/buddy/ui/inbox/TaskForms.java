package nl.steunpunt.buddy.ui.inbox;

import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.HasUrlParameter;

import nl.steunpunt.buddy.processes.BuddyOffboardingProcess;
import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.processes.IntervisieProcess;
import nl.steunpunt.buddy.processes.ClosureProcess;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.processes.SupportProcess;
import nl.steunpunt.buddy.ui.intervisie.IntervisieCheckInView;
import nl.steunpunt.buddy.ui.intervisie.PlanIntervisieView;
import nl.steunpunt.buddy.ui.intervisie.RecordIntervisieView;
import nl.steunpunt.buddy.processes.TrainingProcess;
import nl.steunpunt.buddy.ui.closure.AppreciationView;
import nl.steunpunt.buddy.ui.closure.BuddyEvaluationView;
import nl.steunpunt.buddy.ui.closure.ClosingConversationView;
import nl.steunpunt.buddy.ui.matching.AnswerProposalView;
import nl.steunpunt.buddy.ui.matching.EscalateMatchingView;
import nl.steunpunt.buddy.ui.matching.FirstContactView;
import nl.steunpunt.buddy.ui.matching.IntakeRequestView;
import nl.steunpunt.buddy.ui.matching.IntroductionMeetingView;
import nl.steunpunt.buddy.ui.matching.ProposeBuddyView;
import nl.steunpunt.buddy.ui.offboarding.ExitConversationView;
import nl.steunpunt.buddy.ui.offboarding.HandOverMatchView;
import nl.steunpunt.buddy.ui.support.CheckInView;
import nl.steunpunt.buddy.ui.support.DiscussConcernView;
import nl.steunpunt.buddy.ui.support.FollowUpSchoolMeetingView;
import nl.steunpunt.buddy.ui.support.PrepareSchoolMeetingView;
import nl.steunpunt.buddy.ui.support.ReviewMatchView;
import nl.steunpunt.buddy.ui.training.CheckTrainingProgressView;
import nl.steunpunt.buddy.ui.training.PlanMakeUpView;
import nl.steunpunt.buddy.ui.training.SignOffView;
import nl.steunpunt.buddy.ui.recruitment.AssessSuitabilityView;
import nl.steunpunt.buddy.ui.recruitment.ChaseVogView;
import nl.steunpunt.buddy.ui.recruitment.DecisionView;
import nl.steunpunt.buddy.ui.recruitment.DiscussOverdueScreeningView;
import nl.steunpunt.buddy.ui.recruitment.HoldIntakeView;
import nl.steunpunt.buddy.ui.recruitment.ScheduleIntakeView;
import nl.steunpunt.buddy.ui.recruitment.ScreenApplicationView;

/** Form key → the screen that completes a task; the task ID is the screen's URL parameter. */
public final class TaskForms {

    private static final Map<String, Class<? extends Component>> FORMS = Map.ofEntries(
            Map.entry(RecruitmentProcess.Forms.SCREEN_APPLICATION, ScreenApplicationView.class),
            Map.entry(RecruitmentProcess.Forms.DISCUSS_OVERDUE_SCREENING, DiscussOverdueScreeningView.class),
            Map.entry(RecruitmentProcess.Forms.SCHEDULE_INTAKE, ScheduleIntakeView.class),
            Map.entry(RecruitmentProcess.Forms.HOLD_INTAKE, HoldIntakeView.class),
            Map.entry(RecruitmentProcess.Forms.ASSESS_SUITABILITY, AssessSuitabilityView.class),
            Map.entry(RecruitmentProcess.Forms.DECIDE, DecisionView.class),
            Map.entry(RecruitmentProcess.Forms.CHASE_VOG, ChaseVogView.class),
            Map.entry(TrainingProcess.Forms.PLAN_MAKE_UP, PlanMakeUpView.class),
            Map.entry(TrainingProcess.Forms.CHECK_TRAINING_PROGRESS, CheckTrainingProgressView.class),
            Map.entry(TrainingProcess.Forms.SIGN_OFF, SignOffView.class),
            Map.entry(MatchingProcess.Forms.INTAKE_REQUEST, IntakeRequestView.class),
            Map.entry(MatchingProcess.Forms.PROPOSE_BUDDY, ProposeBuddyView.class),
            Map.entry(MatchingProcess.Forms.ESCALATE_MATCHING, EscalateMatchingView.class),
            Map.entry(MatchingProcess.Forms.INTRODUCTION_MEETING, IntroductionMeetingView.class),
            Map.entry(MatchingProcess.Forms.ANSWER_PROPOSAL, AnswerProposalView.class),
            Map.entry(MatchingProcess.Forms.FIRST_CONTACT, FirstContactView.class),
            Map.entry(BuddyOffboardingProcess.Forms.EXIT_CONVERSATION, ExitConversationView.class),
            Map.entry(BuddyOffboardingProcess.Forms.HAND_OVER_MATCH, HandOverMatchView.class),
            Map.entry(SupportProcess.Forms.CHECK_IN, CheckInView.class),
            Map.entry(SupportProcess.Forms.DISCUSS_CONCERN, DiscussConcernView.class),
            Map.entry(SupportProcess.Forms.REVIEW_MATCH, ReviewMatchView.class),
            Map.entry(SupportProcess.Forms.PREPARE_SCHOOL_MEETING, PrepareSchoolMeetingView.class),
            Map.entry(SupportProcess.Forms.FOLLOW_UP_SCHOOL_MEETING, FollowUpSchoolMeetingView.class),
            Map.entry(IntervisieProcess.Forms.PLAN_INTERVISIE, PlanIntervisieView.class),
            Map.entry(IntervisieProcess.Forms.RECORD_INTERVISIE, RecordIntervisieView.class),
            Map.entry(IntervisieProcess.Forms.INTERVISIE_CHECK_IN, IntervisieCheckInView.class),
            Map.entry(ClosureProcess.Forms.CLOSING_CONVERSATION, ClosingConversationView.class),
            Map.entry(ClosureProcess.Forms.BUDDY_EVALUATION, BuddyEvaluationView.class),
            Map.entry(ClosureProcess.Forms.APPRECIATION, AppreciationView.class));

    private TaskForms() {
    }

    /** The screen for a form key, if the UI has one. */
    @SuppressWarnings("unchecked")
    public static <C extends Component & HasUrlParameter<String>> Optional<Class<C>> screenFor(String formKey) {
        return Optional.ofNullable((Class<C>) FORMS.get(formKey));
    }

    static Map<String, Class<? extends Component>> all() {
        return FORMS;
    }
}
