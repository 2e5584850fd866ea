package nl.steunpunt.buddy.workflow.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.shared.CaseAnonymiser;

/**
 * Anonymises a case everywhere once its retention period is over: every module's own tables through
 * its {@link CaseAnonymiser}, then the engine's side of every process of the case (found by its
 * business key and by its request and match IDs). In the engine, variables that are not IDs, codes,
 * flags, numbers or dates go (runtime and history, with their detail history), and so do comments
 * and the operation-log entries of variables. Activity instances, task instances (their names and
 * due dates come from the models) and timings stay, so the statistics remain.
 */
@Component
class CaseAnonymisation {

    private final List<CaseAnonymiser> anonymisers;
    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final JdbcClient db;

    /** Every process instance that had one of these values as its request or match ID. */
    static final String CASE_INSTANCES_SQL = "SELECT DISTINCT proc_inst_id_ FROM act_hi_varinst WHERE name_ IN "
            + HistoryIndexes.CASE_ID_NAMES + " AND text_ IN (:values) AND proc_inst_id_ IS NOT NULL";

    CaseAnonymisation(List<CaseAnonymiser> anonymisers, HistoryService historyService, RuntimeService runtimeService,
            TaskService taskService, JdbcClient db) {
        this.anonymisers = anonymisers;
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.db = db;
    }

    void anonymise(UUID helpRequestId, UUID matchId, String businessKey) {
        anonymisers.forEach(anonymiser -> anonymiser.anonymiseCase(helpRequestId, matchId));
        for (String instance : instancesOf(helpRequestId, matchId, businessKey)) {
            anonymiseInstance(instance);
        }
    }

    private Set<String> instancesOf(UUID helpRequestId, UUID matchId, String businessKey) {
        Set<String> ids = new LinkedHashSet<>();
        if (businessKey != null) {
            historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
                    .map(HistoricProcessInstance::getId).forEach(ids::add);
        }
        List<String> values = new ArrayList<>();
        if (helpRequestId != null) {
            values.add(helpRequestId.toString());
        }
        if (matchId != null) {
            values.add(matchId.toString());
        }
        if (!values.isEmpty()) {
            // by SQL: the engine's variable query cannot use the partial index (see HistoryIndexes)
            ids.addAll(db.sql(CASE_INSTANCES_SQL).param("values", values).query(String.class).list());
        }
        return ids;
    }

    private void anonymiseInstance(String processInstanceId) {
        boolean running = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
        if (running) {
            List<String> personal = runtimeService.createVariableInstanceQuery().processInstanceIdIn(processInstanceId).list().stream()
                    .filter(v -> !kept(v.getName(), v.getValue())).map(VariableInstance::getName).distinct().toList();
            if (!personal.isEmpty()) {
                runtimeService.removeVariables(processInstanceId, personal);
            }
        }
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).disableCustomObjectDeserialization().list()) {
            if (!kept(variable.getName(), variable.getValue())) {
                historyService.deleteHistoricVariableInstance(variable.getId());
            }
        }
        if (!taskService.getProcessInstanceComments(processInstanceId).isEmpty()) {
            taskService.deleteProcessInstanceComments(processInstanceId);
        }
        for (UserOperationLogEntry entry : historyService.createUserOperationLogQuery().processInstanceId(processInstanceId).list()) {
            if (org.camunda.bpm.engine.EntityTypes.VARIABLE.equals(entry.getEntityType()) || entry.getOrgValue() != null
                    && !"assignee".equals(entry.getProperty()) || "description".equals(entry.getProperty())
                    || "name".equals(entry.getProperty())) {
                historyService.deleteUserOperationLogEntry(entry.getId());
            }
        }
    }

    /** IDs, the region code, flags, numbers and dates say nothing about the family; anything else might. */
    static boolean kept(String name, Object value) {
        if (value == null || value instanceof Boolean || value instanceof Number || value instanceof Date) {
            return true;
        }
        return value instanceof String && (CamundaWorkItems.REGION_VARIABLE.equals(name) || name.endsWith("Id"));
    }
}
