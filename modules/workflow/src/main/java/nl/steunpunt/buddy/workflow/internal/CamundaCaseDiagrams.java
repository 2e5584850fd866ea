package nl.steunpunt.buddy.workflow.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.AuditEvent;
import nl.steunpunt.buddy.shared.AuditTrail;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.workflow.CaseDiagram;
import nl.steunpunt.buddy.workflow.CaseDiagrams;

/**
 * {@link CaseDiagrams} from the engine: the model of the version each process runs on, the
 * activities it waits in (open activity instances and the runtime's active activity IDs), and the
 * activities and sequence flows it passed. A flow counts as
 * taken when its source ended and its target started no earlier.
 */
@Service
@Transactional
class CamundaCaseDiagrams implements CaseDiagrams {

    private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final TransactionTemplate ownTransaction;

    CamundaCaseDiagrams(HistoryService historyService, RepositoryService repositoryService, RuntimeService runtimeService,
            CurrentActor currentActor, AuditTrail audit, PlatformTransactionManager transactions) {
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.currentActor = currentActor;
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ownTransaction.setReadOnly(true);
    }

    @Override
    public List<CaseDiagram> of(String caseReference) {
        Actor actor = currentActor.require();
        if (!actor.hasRole(Role.ADMIN) && !actor.hasRole(Role.COORDINATOR)) {
            throw new AccessDeniedException("error.access.other-region");
        }
        if (caseReference == null || caseReference.isBlank()) {
            return List.of();
        }
        List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseReference).list();
        if (instances.isEmpty()) {
            return List.of(); // no such case: nothing was shown, so there is no view to record
        }
        Map<String, RegionCode> regions = regionsOf(instances);
        if (!actor.hasRole(Role.ADMIN)) {
            for (HistoricProcessInstance instance : instances) {
                RegionCode region = regions.get(instance.getId());
                if (region == null || !actor.hasRoleIn(Role.COORDINATOR, region)) {
                    throw new AccessDeniedException("error.access.other-region");
                }
            }
        }
        audit.record(AuditEvent.viewed(AuditEvent.SubjectType.CASE, caseReference, regions.values().stream().findFirst().orElse(null)));
        Map<String, String> xmlByDefinition = new HashMap<>();
        return instances.stream()
                .sorted(Comparator.comparing(HistoricProcessInstance::getStartTime).reversed())
                .map(instance -> diagramOf(instance, xmlByDefinition))
                .toList();
    }

    /** The region of each process instance, in one query. */
    private Map<String, RegionCode> regionsOf(List<HistoricProcessInstance> instances) {
        Map<String, RegionCode> regions = new HashMap<>();
        if (instances.isEmpty()) {
            return regions;
        }
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
                .variableName(CamundaWorkItems.REGION_VARIABLE).list()) {
            if (variable.getValue() instanceof String code) {
                regions.putIfAbsent(variable.getProcessInstanceId(), new RegionCode(code));
            }
        }
        return regions;
    }

    private CaseDiagram diagramOf(HistoricProcessInstance instance, Map<String, String> xmlByDefinition) {
        List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list();
        List<CaseDiagram.Step> current = new ArrayList<>();
        List<HistoricActivityInstance> ended = new ArrayList<>();
        Set<String> currentIds = new LinkedHashSet<>();
        for (HistoricActivityInstance activity : activities) {
            if (activity.getActivityId().endsWith(MULTI_INSTANCE_BODY)) {
                continue;
            }
            if (activity.getEndTime() == null) {
                if (currentIds.add(activity.getActivityId())) {
                    current.add(step(activity));
                }
            } else {
                ended.add(activity);
            }
        }
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(instance.getProcessDefinitionId());
        if (instance.getEndTime() == null) {
            for (String activityId : activeActivityIds(instance.getId())) {
                if (currentIds.add(activityId)) {
                    current.add(stepOf(model, activityId));
                }
            }
        }
        ended.sort(Comparator.comparing(HistoricActivityInstance::getEndTime));
        List<CaseDiagram.Step> taken = new ArrayList<>();
        Set<String> takenIds = new LinkedHashSet<>();
        for (HistoricActivityInstance activity : ended) {
            if (takenIds.add(activity.getActivityId())) {
                taken.add(step(activity));
            }
        }
        String xml = xmlByDefinition.computeIfAbsent(instance.getProcessDefinitionId(), this::xmlOf);
        ProcessDefinition definition = repositoryService.getProcessDefinition(instance.getProcessDefinitionId());
        return new CaseDiagram(instance.getId(), instance.getProcessDefinitionKey(),
                definition.getName() == null ? definition.getKey() : definition.getName(), instance.getStartTime().toInstant(),
                Optional.ofNullable(instance.getEndTime()).map(Date::toInstant), xml, current, taken,
                flowsTaken(model, activities, currentIds));
    }

    /** Flows whose source ended and whose target started at or after that moment, or waits to start now. */
    private List<String> flowsTaken(BpmnModelInstance model, List<HistoricActivityInstance> activities, Set<String> currentIds) {
        Map<String, List<HistoricActivityInstance>> byId = new HashMap<>();
        activities.forEach(a -> byId.computeIfAbsent(a.getActivityId(), k -> new ArrayList<>()).add(a));
        List<String> flows = new ArrayList<>();
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            List<HistoricActivityInstance> sources = byId.getOrDefault(flow.getSource().getId(), List.of());
            List<HistoricActivityInstance> targets = byId.getOrDefault(flow.getTarget().getId(), List.of());
            boolean sourceEnded = sources.stream().anyMatch(s -> s.getEndTime() != null);
            boolean taken = sources.stream().filter(s -> s.getEndTime() != null).anyMatch(s -> targets.stream()
                    .anyMatch(t -> !t.getStartTime().before(s.getEndTime())))
                    || sourceEnded && targets.isEmpty() && currentIds.contains(flow.getTarget().getId());
            if (taken) {
                flows.add(flow.getId());
            }
        }
        return flows;
    }

    /**
     * Where the engine's executions stand, also before an activity has started (an asynchronous
     * continuation waiting for its job, e.g. one that failed); empty when the instance just ended (also
     * when it ends between the two calls, as a withdrawal's asynchronous end may).
     */
    private List<String> activeActivityIds(String processInstanceId) {
        if (runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            return List.of();
        }
        try {
            // in a transaction of its own: the engine's failure would otherwise doom the whole view's transaction
            return ownTransaction.execute(status -> runtimeService.getActiveActivityIds(processInstanceId).stream()
                    .filter(id -> !id.endsWith(MULTI_INSTANCE_BODY)).toList());
        } catch (ProcessEngineException e) {
            if (ownTransaction.execute(status -> runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count()) > 0) {
                throw e;
            }
            return List.of();
        }
    }

    private static CaseDiagram.Step stepOf(BpmnModelInstance model, String activityId) {
        ModelElementInstance element = model.getModelElementById(activityId);
        String name = element instanceof FlowElement flowElement && flowElement.getName() != null ? flowElement.getName() : activityId;
        String type = element == null ? "" : element.getElementType().getTypeName();
        return new CaseDiagram.Step(activityId, name, type);
    }

    private String xmlOf(String definitionId) {
        try (InputStream in = repositoryService.getProcessModel(definitionId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CaseDiagram.Step step(HistoricActivityInstance activity) {
        String name = activity.getActivityName() == null ? activity.getActivityId() : activity.getActivityName();
        return new CaseDiagram.Step(activity.getActivityId(), name, activity.getActivityType());
    }

}
