package nl.steunpunt.buddy.workflow.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.workflow.CaseEvent;
import nl.steunpunt.buddy.workflow.Phase;
import nl.steunpunt.buddy.workflow.TaskGoneException;
import nl.steunpunt.buddy.workflow.TaskTakenException;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * {@link WorkItems} on the Camunda task service. Every query is narrowed to the candidate groups of
 * the acting user (her roles in her regions) before any filter of the caller applies. Inbox pages,
 * counts and single open tasks come from the {@link TaskReadModel}, kept in step with the engine's tasks
 * in the same transaction; every change goes through the engine.
 */
@Service
@Transactional
class CamundaWorkItems implements WorkItems {

    static final String REGION_VARIABLE = "regionCode";
    private static final int MAX_NOTE = 2000;
    private static final int CHANGE_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(CamundaWorkItems.class);

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final CurrentActor currentActor;
    private final Actors actors;
    private final CaseNoteRepository notes;
    private final Clock clock;
    private final JdbcClient db;
    private final TaskReadModel readModel;
    private final FormService formService;
    private final TransactionTemplate transaction;
    /** Form keys per process definition and task: a deployed definition never changes. */
    private final Map<String, String> formKeys = new ConcurrentHashMap<>();

    CamundaWorkItems(TaskService taskService, RuntimeService runtimeService, HistoryService historyService,
            RepositoryService repositoryService, IdentityService identityService, CurrentActor currentActor,
            Actors actors, CaseNoteRepository notes, Clock clock, JdbcClient db, TaskReadModel readModel, FormService formService,
            PlatformTransactionManager transactions) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.currentActor = currentActor;
        this.actors = actors;
        this.notes = notes;
        this.clock = clock;
        this.db = db;
        this.readModel = readModel;
        this.formService = formService;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    @Transactional(readOnly = true)
    public List<WorkItem> find(WorkItemQuery query, int offset, int limit) {
        Actor actor = currentActor.require();
        if (limit <= 0) {
            return List.of();
        }
        return readModel.page(actor.candidateGroups(), actor.userId(), query, clock.instant(), Math.max(0, offset), limit).stream()
                .map(this::toWorkItem).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public long count(WorkItemQuery query) {
        Actor actor = currentActor.require();
        return readModel.count(actor.candidateGroups(), actor.userId(), query, clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public long countUpTo(WorkItemQuery query, long limit) {
        Actor actor = currentActor.require();
        return readModel.countUpTo(actor.candidateGroups(), actor.userId(), query, clock.instant(), limit);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<WorkItem> get(String taskId) {
        Actor actor = currentActor.require();
        if (taskId == null) {
            return Optional.empty();
        }
        Optional<TaskReadModel.Row> row = readModel.visibleRow(taskId, actor.candidateGroups(), actor.userId());
        if (row.isEmpty() && taskExists(taskId)) {
            throw new AccessDeniedException("error.access.other-region");
        }
        return row.map(this::toWorkItem);
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public WorkItem claim(String taskId) {
        return retryingConflicts(taskId, "claim", () -> {
            Actor actor = currentActor.require();
            TaskReadModel.Row task = lockedVisibleTask(taskId, actor);
            refuseIfTaken(task, actor);
            if (task.assignee() == null) {
                asActor(actor, () -> {
                    try {
                        taskService.claim(taskId, actor.userId());
                    } catch (TaskAlreadyClaimedException e) {
                        throw new TaskTakenException(displayName(e.getTaskAssignee()));
                    }
                });
            }
            return current(taskId);
        });
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public WorkItem unclaim(String taskId) {
        return retryingConflicts(taskId, "give-back", () -> {
            Actor actor = currentActor.require();
            TaskReadModel.Row task = lockedVisibleTask(taskId, actor);
            if (task.assignee() != null) {
                sharedGroups(taskId);
                refuseIfTaken(task, actor);
                asActor(actor, () -> taskService.setAssignee(taskId, null));
            }
            return current(taskId);
        });
    }

    /**
     * A task just changed in this transaction, as the inbox lists it: its read-model row, which the engine's task
     * listener has just written (visibility was checked before the change).
     */
    private WorkItem current(String taskId) {
        return readModel.row(taskId).map(this::toWorkItem).orElseThrow(TaskGoneException::new);
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public void assign(String taskId, String userId) {
        retryingConflicts(taskId, "assignment", () -> {
            Actor actor = currentActor.require();
            TaskReadModel.Row task = lockedVisibleTask(taskId, actor);
            Set<String> groups = sharedGroups(taskId);
            Actor colleague = actors.find(userId)
                    .orElseThrow(() -> new InvalidInputException("error.task.assignee.unknown"));
            if (colleague.candidateGroups().stream().noneMatch(groups::contains)) {
                throw new InvalidInputException("error.task.assignee.not-eligible", colleague.displayName());
            }
            refuseIfTaken(task, actor);
            asActor(actor, () -> taskService.setAssignee(taskId, colleague.userId()));
            return null;
        });
    }

    /** Completes the task with its domain action in one transaction (see {@link #retryingConflicts} for a conflict). */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public void complete(String taskId, Map<String, Object> routing, Runnable domainAction) {
        retryingConflicts(taskId, "completion", () -> {
            completeOnce(taskId, routing, domainAction);
            return null;
        });
    }

    /**
     * Runs one change of a task (claim, give-back, assignment, completion) in a transaction of its own. When the
     * engine finds that another transaction changed the same task or case at the same moment (its optimistic lock:
     * a colleague claiming the same task, a parent's evaluation arriving in a parallel branch while the coordinator
     * completes hers), the whole transaction is rolled back and, while the task is still open, the change is tried
     * again, up to {@value #CHANGE_ATTEMPTS} times, seeing what the other did: the colleague who has the task now, the
     * case as it is now (a completion's domain action is done again too: nothing of the failed attempt remains).
     * Inside a caller's transaction there is nothing to retry: the conflict ends it as a task gone.
     */
    private <T> T retryingConflicts(String taskId, String change, Supplier<T> once) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            try {
                return once.get();
            } catch (ConcurrentCaseChange e) {
                throw new TaskGoneException();
            }
        }
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.execute(status -> once.get());
            } catch (ConcurrentCaseChange e) {
                if (attempt == CHANGE_ATTEMPTS || Boolean.FALSE.equals(transaction.execute(status -> taskExists(taskId)))) {
                    throw new TaskGoneException();
                }
                log.info("Task {}: changed by another transaction at the same moment; doing the {} again (attempt {})", taskId, change,
                        attempt + 1);
            }
        }
    }

    /** The engine refused a change because another transaction changed the same case meanwhile. */
    private static final class ConcurrentCaseChange extends RuntimeException {
        ConcurrentCaseChange(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private boolean taskExists(String taskId) {
        return taskService.createTaskQuery().taskId(taskId).count() > 0;
    }

    private void completeOnce(String taskId, Map<String, Object> routing, Runnable domainAction) {
        Actor actor = currentActor.require();
        TaskReadModel.Row task = lockedVisibleTask(taskId, actor);
        refuseIfTaken(task, actor);
        routing.forEach((name, value) -> {
            if (!(value instanceof String || value instanceof Boolean || value instanceof Number)) {
                throw new IllegalArgumentException("Process variable " + name + " must be an ID or a flag");
            }
        });
        domainAction.run();
        asActor(actor, () -> {
            if (task.assignee() == null) {
                taskService.claim(taskId, actor.userId());
            }
            taskService.complete(taskId, routing);
        });
    }

    @Override
    public void comment(String taskId, String text) {
        Actor actor = currentActor.require();
        Task task = openVisibleTask(taskId, actor);
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("error.note.required");
        }
        if (trimmed.length() > MAX_NOTE) {
            throw new InvalidInputException("error.text.too-long", MAX_NOTE);
        }
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        notes.save(new CaseNoteEntity(instance.getBusinessKey(), regionOf(task.getProcessInstanceId()), taskId,
                actor.userId(), trimmed, clock.instant()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseEvent> history(String caseReference) {
        Actor actor = currentActor.require();
        List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseReference).list();
        if (instances.isEmpty()) {
            return List.of();
        }
        for (HistoricProcessInstance instance : instances) {
            var regionVariable = historyService.createHistoricVariableInstanceQuery()
                    .processInstanceId(instance.getId()).variableName(REGION_VARIABLE).singleResult();
            String region = regionVariable == null ? null : (String) regionVariable.getValue();
            if (region == null || !actor.hasRoleIn(Role.COORDINATOR, new RegionCode(region))) {
                throw new AccessDeniedException("error.access.other-region");
            }
        }
        List<CaseEvent> events = new ArrayList<>();
        for (HistoricProcessInstance instance : instances) {
            events.add(new CaseEvent(instance.getStartTime().toInstant(), CaseEvent.Kind.STARTED,
                    instance.getProcessDefinitionKey(), processName(instance.getProcessDefinitionId()),
                    Optional.ofNullable(instance.getStartUserId())));
            for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId()).list()) {
                addActivity(events, activity);
            }
            for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
                    .processInstanceId(instance.getId()).list()) {
                for (HistoricIdentityLinkLog link : historyService.createHistoricIdentityLinkLogQuery()
                        .taskId(task.getId()).type(IdentityLinkType.ASSIGNEE).operationType("add").list()) {
                    events.add(new CaseEvent(link.getTime().toInstant(), CaseEvent.Kind.ASSIGNED,
                            task.getTaskDefinitionKey(), displayName(link.getUserId()),
                            Optional.ofNullable(link.getAssignerId()).map(this::displayName)));
                }
            }
            if (instance.getEndTime() != null) {
                events.add(new CaseEvent(instance.getEndTime().toInstant(), CaseEvent.Kind.ENDED,
                        instance.getProcessDefinitionKey(), processName(instance.getProcessDefinitionId()), Optional.empty()));
            }
        }
        for (CaseNoteEntity note : notes.findByCaseReferenceOrderByCreatedAtAsc(caseReference)) {
            events.add(new CaseEvent(note.createdAt(), CaseEvent.Kind.NOTE, "", note.text(),
                    Optional.of(displayName(note.author()))));
        }
        events.sort(Comparator.comparing(CaseEvent::at).thenComparing(e -> e.kind().ordinal()));
        return events;
    }

    private void addActivity(List<CaseEvent> events, HistoricActivityInstance activity) {
        String type = activity.getActivityType();
        if ("userTask".equals(type)) {
            events.add(new CaseEvent(activity.getStartTime().toInstant(), CaseEvent.Kind.TASK_CREATED,
                    activity.getActivityId(), activity.getActivityName(), Optional.empty()));
            if (activity.getEndTime() != null && !activity.isCanceled()) {
                events.add(new CaseEvent(activity.getEndTime().toInstant(), CaseEvent.Kind.TASK_COMPLETED,
                        activity.getActivityId(), activity.getActivityName(),
                        Optional.ofNullable(activity.getAssignee()).map(this::displayName)));
            }
        } else if (("serviceTask".equals(type) || type.endsWith("CatchEvent") || type.startsWith("intermediate"))
                && activity.getEndTime() != null) {
            events.add(new CaseEvent(activity.getEndTime().toInstant(), CaseEvent.Kind.STEP_DONE,
                    activity.getActivityId(), activity.getActivityName(), Optional.empty()));
        }
    }

    private Task visibleTask(String taskId, Actor actor) {
        Task task = visibleTo(taskService.createTaskQuery().taskId(taskId), actor).initializeFormKeys().singleResult();
        if (task == null) {
            // Not found for her: gone meanwhile (its process moved on or ended), or never hers to see.
            if (!taskExists(taskId)) {
                throw new TaskGoneException();
            }
            throw new AccessDeniedException("error.access.other-region");
        }
        return task;
    }

    /**
     * Holds the task's row until this transaction ends, on whichever node: a second completion of the
     * same task waits here and then finds it gone, before its domain action runs; a second claim waits
     * and then finds who has it. The engine's own optimistic lock would only refuse it at the very end,
     * after that action (and the change would be tried again, see {@link #retryingConflicts}).
     */
    private void lockOpenTask(String taskId) {
        if (taskId == null || !readModel.lockEngineRow(taskId)) {
            throw new TaskGoneException();
        }
    }

    /**
     * Tasks an actor may see: those of her candidate groups (her roles in her regions), assigned or
     * not, and those assigned to her personally (a buddy's answer to a proposal).
     */
    private static TaskQuery visibleTo(TaskQuery query, Actor actor) {
        return query.or()
                .taskCandidateGroupIn(new ArrayList<>(actor.candidateGroups().isEmpty() ? Set.of("-") : actor.candidateGroups()))
                .includeAssignedTasks()
                .taskAssignee(actor.userId())
                .endOr();
    }

    /**
     * The task, held for this transaction ({@link #lockOpenTask}) and visible to her: the start of every change of a
     * task. Visibility and assignee come from the read model, which the engine's task listener writes under the same
     * row lock (so it is the task as it is now): one indexed query instead of the engine's task query.
     */
    private TaskReadModel.Row lockedVisibleTask(String taskId, Actor actor) {
        lockOpenTask(taskId);
        return readModel.visibleRow(taskId, actor.candidateGroups(), actor.userId())
                .orElseThrow(() -> new AccessDeniedException("error.access.other-region"));
    }

    /** Refuses a change of a task that a colleague has, naming her. */
    private void refuseIfTaken(TaskReadModel.Row task, Actor actor) {
        if (task.assignee() != null && !task.assignee().equals(actor.userId())) {
            throw new TaskTakenException(displayName(task.assignee()));
        }
    }

    private Task openVisibleTask(String taskId, Actor actor) {
        if (taskId == null) {
            throw new TaskGoneException();
        }
        return visibleTask(taskId, actor);
    }

    private WorkItem toWorkItem(TaskReadModel.Row row) {
        Phase phase = Phase.ofProcess(row.processKey())
                .orElseThrow(() -> new IllegalStateException("Task of an unknown process: " + row.processDefinitionId()));
        String formKey = formKeys.computeIfAbsent(row.processDefinitionId() + "#" + row.definitionKey(),
                key -> formService.getTaskFormKey(row.processDefinitionId(), row.definitionKey()));
        return new WorkItem(row.taskId(), row.definitionKey(), row.name(), formKey, row.businessKey(), row.subjectId(),
                new RegionCode(row.regionCode()), phase, row.created(), Optional.ofNullable(row.due()), Optional.ofNullable(row.followUp()),
                Optional.ofNullable(row.assignee()));
    }

    private String regionOf(String processInstanceId) {
        return (String) runtimeService.getVariable(processInstanceId, REGION_VARIABLE);
    }

    /**
     * The candidate groups of a task held by {@link #lockedVisibleTask} (from the read model, as it is now). A personal
     * task (a buddy's answer to her proposal) has none and cannot be given back or passed on.
     */
    private Set<String> sharedGroups(String taskId) {
        Set<String> groups = readModel.candidateGroups(taskId);
        if (groups.isEmpty()) {
            throw new InvalidInputException("error.task.personal");
        }
        return groups;
    }

    private String processName(String processDefinitionId) {
        ProcessDefinition definition = repositoryService.getProcessDefinition(processDefinitionId);
        return definition.getName() == null ? definition.getKey() : definition.getName();
    }

    private String displayName(String userId) {
        if (userId == null) {
            return "";
        }
        return actors.find(userId).map(Actor::displayName).orElse(userId);
    }

    /**
     * Runs engine calls as the actor, so history records who did it. The engine's optimistic lock (another transaction
     * changed the same task or case meanwhile) becomes a {@link ConcurrentCaseChange}, which {@link #retryingConflicts}
     * answers; a task the engine no longer finds is gone.
     */
    private void asActor(Actor actor, Runnable action) {
        identityService.setAuthenticatedUserId(actor.userId());
        try {
            action.run();
        } catch (OptimisticLockingException e) {
            throw new ConcurrentCaseChange(e);
        } catch (ProcessEngineException e) {
            if (taskGoneMessage(e)) {
                throw new TaskGoneException();
            }
            throw e;
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static boolean taskGoneMessage(ProcessEngineException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.contains("Cannot find task") || message.contains("task is null");
    }

}
