package nl.steunpunt.buddy.workflow.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.workflow.TaskChanged;
import nl.steunpunt.buddy.workflow.TaskHistory;

/**
 * Turns the engine's task events (Camunda's Spring eventing hands every {@link DelegateTask} to the
 * application context) into plain {@link TaskChanged} events, and replays the task history for a
 * rebuild of a read model.
 */
@Component
class TaskChanges implements TaskHistory {

    private static final Set<String> EVENTS = Set.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE,
            TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);
    private static final String COMPLETED = "completed";
    private static final int PAGE = 1000;

    private final ApplicationEventPublisher events;
    private final RepositoryService repositoryService;
    private final HistoryService historyService;

    TaskChanges(ApplicationEventPublisher events, RepositoryService repositoryService, HistoryService historyService) {
        this.events = events;
        this.repositoryService = repositoryService;
        this.historyService = historyService;
    }

    @EventListener
    void on(DelegateTask task) {
        if (!EVENTS.contains(task.getEventName()) || task.getProcessDefinitionId() == null) {
            return;
        }
        if (TaskListener.EVENTNAME_UPDATE.equals(task.getEventName()) && !changesSnapshot(task)) {
            return;
        }
        boolean ended = TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName()) || TaskListener.EVENTNAME_DELETE.equals(task.getEventName());
        Object region = task.getVariable(CamundaWorkItems.REGION_VARIABLE);
        events.publishEvent(new TaskChanged(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey(),
                region instanceof String code ? new RegionCode(code) : null, instant(task.getCreateTime()), instant(task.getDueDate()),
                ended ? ClockUtil.getCurrentTime().toInstant() : null, TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())));
    }

    /**
     * Whether an update changed what a {@link TaskChanged} holds (its name or due date). Most updates do not: a claim or
     * give-back changes the assignee only, which the event never carries, and its listeners would only write the same
     * snapshot again, each through its own publication.
     */
    private static boolean changesSnapshot(DelegateTask task) {
        if (!(task instanceof TaskEntity entity)) {
            return true;
        }
        Set<String> changed = entity.getPropertyChanges().keySet();
        return changed.contains(TaskEntity.NAME) || changed.contains(TaskEntity.DUE_DATE);
    }

    @Override
    @Transactional(readOnly = true)
    public void replay(Consumer<TaskChanged> sink) {
        for (int first = 0;; first += PAGE) {
            List<HistoricTaskInstance> page = historyService.createHistoricTaskInstanceQuery().orderByHistoricActivityInstanceStartTime().asc()
                    .orderByTaskId().asc().listPage(first, PAGE);
            if (page.isEmpty()) {
                return;
            }
            Map<String, RegionCode> regions = regionsOf(page);
            for (HistoricTaskInstance task : page) {
                if (task.getProcessDefinitionKey() == null) {
                    continue;
                }
                sink.accept(new TaskChanged(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getProcessDefinitionKey(),
                        regions.get(task.getProcessInstanceId()), instant(task.getStartTime()), instant(task.getDueDate()),
                        instant(task.getEndTime()), task.getEndTime() != null && COMPLETED.equals(task.getDeleteReason())));
            }
        }
    }

    private Map<String, RegionCode> regionsOf(List<HistoricTaskInstance> tasks) {
        String[] instances = tasks.stream().map(HistoricTaskInstance::getProcessInstanceId).filter(id -> id != null).distinct()
                .toArray(String[]::new);
        Map<String, RegionCode> regions = new HashMap<>();
        if (instances.length == 0) {
            return regions;
        }
        List<HistoricVariableInstance> variables = new ArrayList<>(historyService.createHistoricVariableInstanceQuery()
                .variableName(CamundaWorkItems.REGION_VARIABLE).processInstanceIdIn(instances).list());
        for (HistoricVariableInstance variable : variables) {
            if (variable.getValue() instanceof String code) {
                regions.putIfAbsent(variable.getProcessInstanceId(), new RegionCode(code));
            }
        }
        return regions;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
