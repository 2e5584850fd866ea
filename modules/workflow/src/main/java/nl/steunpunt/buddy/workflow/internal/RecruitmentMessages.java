package nl.steunpunt.buddy.workflow.internal;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.ApplicationWithdrawn;
import nl.steunpunt.buddy.recruitment.VogRegistered;

/**
 * Turns recruitment events into BPMN messages for the running selection of that application. An
 * event for a process that has ended already (or was redelivered after it moved on) changes nothing.
 */
@Component
class RecruitmentMessages {

    private final RuntimeService runtimeService;

    RecruitmentMessages(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @ApplicationModuleListener
    void on(VogRegistered event) {
        runtimeService.createMessageCorrelation(RecruitmentProcess.Messages.VOG_RECEIVED)
                .processInstanceBusinessKey(event.reference())
                .setVariable(RecruitmentProcess.Variables.VOG_VALID, event.valid())
                .correlateAllWithResult();
    }

    @ApplicationModuleListener
    void on(ApplicationWithdrawn event) {
        runtimeService.createMessageCorrelation(RecruitmentProcess.Messages.APPLICATION_WITHDRAWN)
                .processInstanceBusinessKey(event.reference())
                .correlateAllWithResult();
    }
}
