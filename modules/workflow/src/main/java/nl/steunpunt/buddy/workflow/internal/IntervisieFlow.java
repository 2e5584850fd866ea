package nl.steunpunt.buddy.workflow.internal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.intervisie.Intervisie;
import nl.steunpunt.buddy.intervisie.IntervisieGroupCreated;
import nl.steunpunt.buddy.intervisie.IntervisieSession;
import nl.steunpunt.buddy.intervisie.SessionPlan;
import nl.steunpunt.buddy.processes.IntervisieProcess;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.workflow.IntervisieCycle;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * Wires intervisie: a new group starts its cycle; the planner's plan, move, cancel and close save in
 * the intervisie module and move the group's process on in one transaction (a message the process
 * does not wait for now undoes the change, with a message to the user).
 */
@Service
class IntervisieFlow implements IntervisieCycle {

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final WorkItems workItems;
    private final Intervisie intervisie;

    IntervisieFlow(RuntimeService runtimeService, HistoryService historyService, TaskService taskService, WorkItems workItems,
            Intervisie intervisie) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.taskService = taskService;
        this.workItems = workItems;
        this.intervisie = intervisie;
    }

    /** Starts the group's cycle once, also when the event is delivered again while its first delivery runs. */
    @ApplicationModuleListener
    void on(IntervisieGroupCreated event) {
        intervisie.lock(event.groupId());
        boolean started = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(IntervisieProcess.PROCESS_ID)
                .processInstanceBusinessKey(event.reference()).count() > 0;
        if (started) {
            return;
        }
        runtimeService.startProcessInstanceByKey(IntervisieProcess.PROCESS_ID, event.reference(), Map.of(
                IntervisieProcess.Variables.GROUP_ID, event.groupId().toString(),
                IntervisieProcess.Variables.REGION_CODE, event.region().value(),
                IntervisieProcess.Variables.SESSION_KIND, event.kind().name()));
    }

    @Override
    @Transactional
    public UUID plan(UUID groupId, SessionPlan plan) {
        Task task = planTask(groupId).orElseThrow(() -> new InvalidInputException("error.intervisie.not-planning"));
        UUID sessionId = UUID.randomUUID();
        workItems.complete(task.getId(), Map.of(IntervisieProcess.Variables.SESSION_ID, sessionId.toString()),
                () -> intervisie.plan(sessionId, groupId, plan));
        return sessionId;
    }

    @Override
    @Transactional
    public void reschedule(UUID sessionId, SessionPlan plan) {
        IntervisieSession session = intervisie.reschedule(sessionId, plan);
        correlate(session.groupReference(), IntervisieProcess.Messages.SESSION_RESCHEDULED, "error.intervisie.not-awaited");
    }

    @Override
    @Transactional
    public void cancel(UUID sessionId) {
        IntervisieSession session = intervisie.cancel(sessionId);
        correlate(session.groupReference(), IntervisieProcess.Messages.SESSION_CANCELLED, "error.intervisie.not-awaited");
    }

    @Override
    @Transactional
    public void close(UUID groupId) {
        intervisie.close(groupId);
        correlate(intervisie.referenceOf(groupId), IntervisieProcess.Messages.GROUP_CLOSED, "error.intervisie.close-not-now");
    }

    @Override
    @Transactional(readOnly = true)
    public boolean awaitsPlan(UUID groupId) {
        return planTask(groupId).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> sessionOf(String taskId) {
        if (workItems.get(taskId).isEmpty()) {
            return Optional.empty();
        }
        Object session = taskService.getVariable(taskId, IntervisieProcess.Variables.SESSION_ID);
        return session == null ? Optional.empty() : Optional.of(UUID.fromString(session.toString()));
    }

    private Optional<Task> planTask(UUID groupId) {
        return Optional.ofNullable(taskService.createTaskQuery().processDefinitionKey(IntervisieProcess.PROCESS_ID)
                .taskDefinitionKey(IntervisieProcess.TASK_PLAN_SESSION)
                .processVariableValueEquals(IntervisieProcess.Variables.GROUP_ID, groupId.toString()).singleResult());
    }

    /** Delivers the message; when the process does not wait for it now, the caller's change is undone with this reason. */
    private void correlate(String reference, String message, String refusal) {
        try {
            runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(reference).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new InvalidInputException(refusal);
        }
    }

    /** The thin delegate and the settings of the intervisie model. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IntervisieSettings.class)
    static class Delegates {

        /** Works out, from the module's records, how many buddies have now missed twice; the same on every run. */
        @Bean(IntervisieProcess.Beans.RECORD_ATTENDANCE)
        JavaDelegate recordIntervisieAttendanceDelegate(Intervisie intervisie) {
            return execution -> execution.setVariable(IntervisieProcess.Variables.MISSED_TWICE_COUNT, intervisie.missedTwiceCount(
                    UUID.fromString((String) execution.getVariable(IntervisieProcess.Variables.SESSION_ID))));
        }
    }
}
