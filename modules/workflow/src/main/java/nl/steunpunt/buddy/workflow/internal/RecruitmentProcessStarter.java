package nl.steunpunt.buddy.workflow.internal;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.recruitment.BuddyApplied;

/** Starts werving en selectie for each new application; a redelivered event starts nothing twice. */
@Component
class RecruitmentProcessStarter {

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final Applications applications;

    RecruitmentProcessStarter(RuntimeService runtimeService, HistoryService historyService, Applications applications) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.applications = applications;
    }

    /** Starts selection once, also when the event is delivered again while its first delivery runs. */
    @ApplicationModuleListener
    void on(BuddyApplied event) {
        applications.lock(event.applicationId());
        boolean started = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(RecruitmentProcess.PROCESS_ID)
                .processInstanceBusinessKey(event.reference())
                .count() > 0;
        if (started) {
            return;
        }
        runtimeService.startProcessInstanceByKey(RecruitmentProcess.PROCESS_ID, event.reference(), Map.of(
                RecruitmentProcess.Variables.APPLICATION_ID, event.applicationId().toString(),
                RecruitmentProcess.Variables.REGION_CODE, event.region().value()));
    }
}
