package nl.steunpunt.buddy.workflow.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.NotFoundException;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.workflow.FailedJob;
import nl.steunpunt.buddy.workflow.Incidents;

/**
 * {@link Incidents} on the engine's management and runtime services: jobs with an exception (retries
 * left or not) and open incidents, joined to the business key of their process.
 */
@Service
@Transactional
class CamundaIncidents implements Incidents {

    private static final int MAX_ANNOTATION = 2000;
    private static final int MAX_ROWS = 500;

    private final ManagementService managementService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final CurrentActor currentActor;

    CamundaIncidents(ManagementService managementService, RuntimeService runtimeService, HistoryService historyService,
            RepositoryService repositoryService, CurrentActor currentActor) {
        this.managementService = managementService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.currentActor = currentActor;
    }

    @Override
    @Transactional(readOnly = true)
    public List<FailedJob> list() {
        requireAdmin();
        List<Job> jobs = managementService.createJobQuery().withException().orderByJobId().asc().listPage(0, MAX_ROWS);
        List<Incident> incidents = runtimeService.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, MAX_ROWS);
        Map<String, Incident> incidentByJob = new HashMap<>();
        incidents.forEach(incident -> {
            if (incident.getConfiguration() != null) {
                incidentByJob.put(incident.getConfiguration(), incident);
            }
        });
        Lookups lookups = new Lookups();
        List<FailedJob> rows = new ArrayList<>();
        Set<String> listedIncidents = new HashSet<>();
        for (Job job : jobs) {
            Optional<Incident> incident = Optional.ofNullable(incidentByJob.get(job.getId()));
            incident.ifPresent(i -> listedIncidents.add(i.getId()));
            String activityId = job.getFailedActivityId() != null ? job.getFailedActivityId()
                    : incident.map(Incident::getActivityId).orElse("");
            Instant failedAt = lastFailure(job.getId()).or(() -> incident.map(i -> i.getIncidentTimestamp().toInstant()))
                    .orElse(Instant.EPOCH);
            rows.add(new FailedJob(Optional.of(job.getId()), incident.map(Incident::getId),
                    lookups.businessKey(job.getProcessInstanceId()), lookups.processKey(job.getProcessDefinitionId()),
                    lookups.processName(job.getProcessDefinitionId()), activityId,
                    lookups.activityName(job.getProcessDefinitionId(), activityId), failedAt, firstLine(job.getExceptionMessage()),
                    job.getRetries(), incident.map(Incident::getAnnotation)));
        }
        for (Incident incident : incidents) {
            if (listedIncidents.contains(incident.getId())) {
                continue;
            }
            rows.add(new FailedJob(Optional.empty(), Optional.of(incident.getId()), lookups.businessKey(incident.getProcessInstanceId()),
                    lookups.processKey(incident.getProcessDefinitionId()), lookups.processName(incident.getProcessDefinitionId()),
                    nullToEmpty(incident.getActivityId()),
                    lookups.activityName(incident.getProcessDefinitionId(), incident.getActivityId()),
                    incident.getIncidentTimestamp().toInstant(), firstLine(incident.getIncidentMessage()), 0,
                    Optional.ofNullable(incident.getAnnotation())));
        }
        rows.sort(Comparator.comparing(FailedJob::failedAt).reversed());
        return rows;
    }

    @Override
    @Transactional(readOnly = true)
    public String stackTrace(String jobId) {
        requireAdmin();
        requireJob(jobId);
        String trace = managementService.getJobExceptionStacktrace(jobId);
        return trace == null ? "" : trace;
    }

    @Override
    public void retry(String jobId) {
        requireAdmin();
        requireJob(jobId);
        managementService.setJobRetries(jobId, 1);
        managementService.setJobDuedate(jobId, null);
    }

    @Override
    public void annotate(String incidentId, String text) {
        requireAdmin();
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("error.note.required");
        }
        if (trimmed.length() > MAX_ANNOTATION) {
            throw new InvalidInputException("error.text.too-long", MAX_ANNOTATION);
        }
        if (incidentId == null || runtimeService.createIncidentQuery().incidentId(incidentId).count() == 0) {
            throw new NotFoundException("error.incident.gone");
        }
        runtimeService.setAnnotationForIncidentById(incidentId, trimmed);
    }

    private void requireAdmin() {
        Actor actor = currentActor.require();
        if (!actor.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("error.access.other-region");
        }
    }

    private void requireJob(String jobId) {
        if (jobId == null || managementService.createJobQuery().jobId(jobId).count() == 0) {
            throw new NotFoundException("error.incident.gone");
        }
    }

    private Optional<Instant> lastFailure(String jobId) {
        List<HistoricJobLog> failures = historyService.createHistoricJobLogQuery().jobId(jobId).failureLog()
                .orderByTimestamp().desc().listPage(0, 1);
        return failures.stream().findFirst().map(HistoricJobLog::getTimestamp).map(Date::toInstant);
    }

    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Business keys, process keys and activity names, each looked up once per listing. */
    private final class Lookups {
        private final Map<String, Optional<String>> businessKeys = new HashMap<>();
        private final Map<String, ProcessDefinition> definitions = new HashMap<>();
        private final Map<String, BpmnModelInstance> models = new HashMap<>();

        Optional<String> businessKey(String processInstanceId) {
            if (processInstanceId == null) {
                return Optional.empty();
            }
            return businessKeys.computeIfAbsent(processInstanceId, id -> {
                ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
                return instance == null ? Optional.empty() : Optional.ofNullable(instance.getBusinessKey());
            });
        }

        String processKey(String definitionId) {
            return definitionId == null ? "" : definition(definitionId).getKey();
        }

        String processName(String definitionId) {
            if (definitionId == null) {
                return "";
            }
            ProcessDefinition definition = definition(definitionId);
            return definition.getName() == null ? definition.getKey() : definition.getName();
        }

        String activityName(String definitionId, String activityId) {
            if (definitionId == null || activityId == null || activityId.isEmpty()) {
                return nullToEmpty(activityId);
            }
            ModelElementInstance element = models.computeIfAbsent(definitionId, repositoryService::getBpmnModelInstance)
                    .getModelElementById(activityId);
            return element instanceof FlowElement flowElement && flowElement.getName() != null ? flowElement.getName() : activityId;
        }

        private ProcessDefinition definition(String definitionId) {
            return definitions.computeIfAbsent(definitionId, repositoryService::getProcessDefinition);
        }
    }
}
