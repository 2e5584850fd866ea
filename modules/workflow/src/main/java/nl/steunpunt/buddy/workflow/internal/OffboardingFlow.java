package nl.steunpunt.buddy.workflow.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.matching.BuddyDepartures;
import nl.steunpunt.buddy.matching.ClosureReason;
import nl.steunpunt.buddy.matching.DepartureReason;
import nl.steunpunt.buddy.matching.MatchHandedOver;
import nl.steunpunt.buddy.processes.BuddyOffboardingProcess;
import nl.steunpunt.buddy.processes.SupportProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.NotFoundException;
import nl.steunpunt.buddy.workflow.BuddyOffboarding;
import nl.steunpunt.buddy.workflow.SupportActions;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * Wires "een buddy stopt": the announcement starts the offboarding with the IDs of her active
 * matches; a hand-over moves the match's open buddy tasks to the new buddy, or the match ends
 * early; the model archives her after the exit conversation and all hand-overs.
 */
@Service
@Transactional
class OffboardingFlow implements BuddyOffboarding {

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final WorkItems workItems;
    private final BuddyDepartures departures;
    private final SupportActions support;

    OffboardingFlow(RuntimeService runtimeService, TaskService taskService, WorkItems workItems, BuddyDepartures departures,
            SupportActions support) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.workItems = workItems;
        this.departures = departures;
        this.support = support;
    }

    @Override
    public void start(ApplicationId buddy, DepartureReason reason) {
        BuddyDepartures.Leaving leaving = departures.announce(buddy, reason);
        runtimeService.startProcessInstanceByKey(BuddyOffboardingProcess.PROCESS_ID, leaving.reference(), Map.of(
                BuddyOffboardingProcess.Variables.BUDDY_ID, buddy.toString(),
                BuddyOffboardingProcess.Variables.REGION_CODE, leaving.region().value(),
                BuddyOffboardingProcess.Variables.ACTIVE_MATCH_IDS, leaving.activeMatchIds().stream().map(UUID::toString).toList()));
    }

    @Override
    @Transactional(readOnly = true)
    public UUID matchOf(String handOverTaskId) {
        WorkItem item = handOverTask(handOverTaskId);
        return UUID.fromString((String) taskService.getVariable(item.id(), BuddyOffboardingProcess.Variables.MATCH_ID));
    }

    @Override
    public void endMatch(UUID match, String note) {
        support.endEarly(match, ClosureReason.BUDDY_STOPS, note);
        departures.recordEnded(match);
    }

    /**
     * The match's open buddy tasks follow it to the new buddy, and so do the ones still to come: the
     * support process assigns them from its {@code buddyUserId}. Same transaction as the hand-over.
     */
    @EventListener
    void on(MatchHandedOver event) {
        ProcessInstance support = supportOf(event.matchId());
        if (support == null) {
            return;
        }
        Object previous = runtimeService.getVariable(support.getId(), SupportProcess.Variables.BUDDY_USER_ID);
        runtimeService.setVariable(support.getId(), SupportProcess.Variables.BUDDY_USER_ID, event.newBuddyUserId());
        if (previous != null) {
            taskService.createTaskQuery().processInstanceId(support.getId()).taskAssignee(previous.toString()).list()
                    .forEach(task -> taskService.setAssignee(task.getId(), event.newBuddyUserId()));
        }
    }

    private WorkItem handOverTask(String taskId) {
        WorkItem item = workItems.get(taskId).orElseThrow(() -> new NotFoundException("error.task.gone"));
        if (!BuddyOffboardingProcess.TASK_HAND_OVER_MATCH.equals(item.definitionKey())) {
            throw new InvalidInputException("error.task.wrong-kind");
        }
        return item;
    }

    private ProcessInstance supportOf(UUID match) {
        List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(SupportProcess.PROCESS_ID)
                .variableValueEquals(SupportProcess.Variables.MATCH_ID, match.toString()).list();
        return instances.isEmpty() ? null : instances.get(0);
    }

    /** The thin delegate of the offboarding model. */
    @Configuration(proxyBeanMethods = false)
    static class Delegates {

        @Bean(BuddyOffboardingProcess.Beans.ARCHIVE_BUDDY)
        JavaDelegate archiveBuddyDelegate(BuddyDepartures departures) {
            return execution -> departures.archive(ApplicationId.of((String) execution.getVariable(BuddyOffboardingProcess.Variables.BUDDY_ID)));
        }
    }
}
