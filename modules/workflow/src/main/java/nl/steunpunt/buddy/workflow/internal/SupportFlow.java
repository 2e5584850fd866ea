package nl.steunpunt.buddy.workflow.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.matching.ClosureReason;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.MatchActivated;
import nl.steunpunt.buddy.matching.MatchEndings;
import nl.steunpunt.buddy.matching.MatchFacts;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.processes.SupportProcess;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.support.MeetingPlan;
import nl.steunpunt.buddy.support.NewConcern;
import nl.steunpunt.buddy.support.ReviewDecision;
import nl.steunpunt.buddy.support.SupportRecords;
import nl.steunpunt.buddy.training.Training;
import nl.steunpunt.buddy.workflow.SupportActions;
import nl.steunpunt.buddy.workflow.TaskGoneException;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * Wires begeleiding: an activated match starts its support process once; school meetings, concerns,
 * an early end and the review are recorded in their modules and move the process on. The process
 * instance holds IDs only; what was written stays in the support module.
 */
@Service
class SupportFlow implements SupportActions {

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final HelpRequests requests;
    private final Matchmaking matchmaking;
    private final MatchEndings endings;
    private final SupportRecords records;
    private final WorkItems workItems;
    private final CurrentActor currentActor;
    private final SupportSettings settings;
    private final Training training;

    SupportFlow(RuntimeService runtimeService, HistoryService historyService, TaskService taskService,
            ManagementService managementService, IdentityService identityService,
            HelpRequests requests, Matchmaking matchmaking, MatchEndings endings, SupportRecords records, WorkItems workItems,
            CurrentActor currentActor, SupportSettings settings, Training training) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.requests = requests;
        this.matchmaking = matchmaking;
        this.endings = endings;
        this.records = records;
        this.workItems = workItems;
        this.currentActor = currentActor;
        this.settings = settings;
        this.training = training;
    }

    /** Starts the match's support once, also when the event is delivered again while its first delivery runs. */
    @ApplicationModuleListener
    void on(MatchActivated event) {
        requests.lock(event.request());
        boolean started = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(SupportProcess.PROCESS_ID)
                .variableValueEquals(SupportProcess.Variables.MATCH_ID, event.match().toString()).count() > 0;
        if (started) {
            return;
        }
        String buddyAccount = training.accountOf(event.buddy())
                .orElseThrow(() -> new IllegalStateException("The buddy of match " + event.match() + " has no account"));
        runtimeService.startProcessInstanceByKey(SupportProcess.PROCESS_ID, event.reference(), Map.of(
                SupportProcess.Variables.MATCH_ID, event.match().toString(),
                SupportProcess.Variables.HELP_REQUEST_ID, event.request().toString(),
                SupportProcess.Variables.REGION_CODE, event.region().value(),
                SupportProcess.Variables.BUDDY_USER_ID, buddyAccount));
    }

    @Override
    @Transactional
    public UUID planSchoolMeeting(UUID matchId, MeetingPlan plan) {
        UUID meeting = records.planMeeting(matchId, plan);
        plan(instanceOf(matchId), meeting);
        return meeting;
    }

    @Override
    @Transactional
    public void moveSchoolMeeting(UUID meetingId, MeetingPlan plan) {
        MatchFacts match = records.moveMeeting(meetingId, plan);
        String instance = instanceOf(match.id());
        dropMeeting(instance, meetingId);
        plan(instance, meetingId);
    }

    @Override
    @Transactional
    public void cancelSchoolMeeting(UUID meetingId) {
        MatchFacts match = records.cancelMeeting(meetingId);
        dropMeeting(instanceOf(match.id()), meetingId);
    }

    @Override
    @Transactional
    public UUID raiseConcern(UUID matchId, NewConcern concern) {
        UUID id = records.raiseConcern(matchId, concern);
        String instance = instanceOf(matchId);
        asActor(() -> runtimeService.createMessageCorrelation(SupportProcess.Messages.CONCERN_RAISED).processInstanceId(instance)
                .setVariable(SupportProcess.Variables.CONCERN_ID, Variables.stringValue(id.toString(), true)).correlateWithResult());
        return id;
    }

    @Override
    @Transactional
    public void endEarly(UUID matchId, ClosureReason reason, String note) {
        endings.end(matchId, reason, note);
        String instance = instanceOf(matchId);
        asActor(() -> runtimeService.createMessageCorrelation(SupportProcess.Messages.MATCH_ENDED_EARLY).processInstanceId(instance)
                .correlateWithResult());
    }

    @Override
    @Transactional(readOnly = true)
    public ReviewOptions reviewOptions(String taskId) {
        Task task = reviewTask(taskId);
        Object extensions = runtimeService.getVariable(task.getProcessInstanceId(), SupportProcess.Variables.EXTENSIONS);
        String region = (String) runtimeService.getVariable(task.getProcessInstanceId(), SupportProcess.Variables.REGION_CODE);
        return new ReviewOptions(extensions == null ? 0 : ((Number) extensions).intValue(), settings.maxExtensions(region));
    }

    @Override
    @Transactional
    public void recordReview(String taskId, boolean extend, ClosureReason reason, String note) {
        reviewTask(taskId);
        if (extend && !reviewOptions(taskId).canExtend()) {
            throw new InvalidInputException("error.review.no-extensions-left");
        }
        UUID match = matchOf(taskId);
        if (extend) {
            records.recordReview(match, ReviewDecision.EXTEND, null, note);
        } else {
            records.recordReview(match, ReviewDecision.CLOSE, reason, note);
            endings.end(match, reason, note);
        }
    }

    @Override
    @Transactional
    public void extend(String taskId, String reason) {
        reviewTask(taskId);
        workItems.complete(taskId, Map.of(SupportProcess.Variables.EXTEND, true), () -> recordReview(taskId, true, null, reason));
    }

    @Override
    @Transactional
    public void close(String taskId, ClosureReason reason, String note) {
        reviewTask(taskId);
        workItems.complete(taskId, Map.of(SupportProcess.Variables.EXTEND, false), () -> recordReview(taskId, false, reason, note));
    }

    @Override
    @Transactional(readOnly = true)
    public UUID meetingOf(String taskId) {
        return UUID.fromString((String) localOf(taskId, SupportProcess.Variables.MEETING_ID));
    }

    @Override
    @Transactional(readOnly = true)
    public UUID concernOf(String taskId) {
        return UUID.fromString((String) localOf(taskId, SupportProcess.Variables.CONCERN_ID));
    }

    /** A variable of the task's own path (a meeting's or a concern's), for a task the acting user may see. */
    private Object localOf(String taskId, String variable) {
        WorkItem item = workItems.get(taskId).orElseThrow(TaskGoneException::new);
        if (item.phase() != nl.steunpunt.buddy.workflow.Phase.SUPPORT) {
            throw new AccessDeniedException("error.access.other-region");
        }
        Object value = taskService.getVariable(taskId, variable);
        if (value == null) {
            throw new TaskGoneException();
        }
        return value;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isRunning(UUID matchId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(SupportProcess.PROCESS_ID)
                .variableValueEquals(SupportProcess.Variables.MATCH_ID, matchId.toString()).count() > 0;
    }

    @Override
    @Transactional
    public void checkInNow(UUID matchId) {
        MatchFacts match = matchmaking.matchFacts(matchId).orElseThrow(() -> new InvalidInputException("error.support.not-running"));
        if (!currentActor.require().hasRoleIn(Role.COORDINATOR, match.region())) {
            throw new AccessDeniedException("error.access.other-region");
        }
        Job timer = managementService.createJobQuery().processInstanceId(instanceOf(matchId)).activityId(SupportProcess.EVENT_CHECK_IN_DUE)
                .timers().singleResult();
        if (timer != null) {
            managementService.setJobDuedate(timer.getId(), ClockUtil.getCurrentTime());
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void plan(String instance, UUID meetingId) {
        asActor(() -> runtimeService.createMessageCorrelation(SupportProcess.Messages.SCHOOL_MEETING_PLANNED).processInstanceId(instance)
                .setVariable(SupportProcess.Variables.MEETING_ID, Variables.stringValue(meetingId.toString(), true)).correlateWithResult());
    }

    private void dropMeeting(String instance, UUID meetingId) {
        asActor(() -> runtimeService.createMessageCorrelation(SupportProcess.Messages.SCHOOL_MEETING_CANCELLED).processInstanceId(instance)
                .localVariableEquals(SupportProcess.Variables.MEETING_ID, meetingId.toString()).correlateAllWithResult());
    }

    /** The running support process of this match; refused (nothing saved) when there is none. */
    private String instanceOf(UUID matchId) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(SupportProcess.PROCESS_ID)
                .variableValueEquals(SupportProcess.Variables.MATCH_ID, matchId.toString()).singleResult();
        if (instance == null) {
            throw new InvalidInputException("error.support.not-running");
        }
        return instance.getId();
    }

    /** The open review task, visible to the acting coordinator. */
    private Task reviewTask(String taskId) {
        WorkItem item = workItems.get(taskId).orElseThrow(TaskGoneException::new);
        if (!SupportProcess.TASK_REVIEW_MATCH.equals(item.definitionKey())) {
            throw new AccessDeniedException("error.access.other-region");
        }
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new TaskGoneException();
        }
        return task;
    }

    private UUID matchOf(String taskId) {
        return UUID.fromString(workItems.get(taskId).orElseThrow(TaskGoneException::new).subjectId());
    }

    /** Runs engine calls as the acting user, so the history records who did it. */
    private void asActor(Runnable action) {
        identityService.setAuthenticatedUserId(currentActor.require().userId());
        try {
            action.run();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The thin delegates of the support model. */
    @Configuration(proxyBeanMethods = false)
    static class Delegates {

        /** Records the extension the review decided on; the counter was raised on the way here, so a retry records the same one. */
        @Bean(SupportProcess.Beans.EXTEND_MATCH)
        JavaDelegate extendMatchDelegate(SupportRecords records, SupportDeadlines deadlines, java.time.Clock clock) {
            return execution -> {
                String region = (String) execution.getVariable(SupportProcess.Variables.REGION_CODE);
                int number = ((Number) execution.getVariable(SupportProcess.Variables.EXTENSIONS)).intValue();
                LocalDate until = LocalDate.ofInstant(deadlines.extendedUntil(region).toInstant(), clock.getZone());
                records.recordExtension(UUID.fromString((String) execution.getVariable(SupportProcess.Variables.MATCH_ID)), number, until);
            };
        }
    }
}
