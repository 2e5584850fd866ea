package nl.steunpunt.buddy.workflow.internal;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.ApplicationWithdrawn;
import nl.steunpunt.buddy.recruitment.VogRegistered;
import nl.steunpunt.buddy.shared.RetryLaterException;

/**
 * Turns recruitment events into BPMN messages for the running selection of that application. An
 * event for a process that has ended already changes nothing.
 */
@Component
class RecruitmentMessages {

    private final RuntimeService runtimeService;

    RecruitmentMessages(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /**
     * A VOG can be registered while the process is still sending the VOG request (an asynchronous
     * step); then correlation fails, the event stays incomplete and is delivered again later.
     */
    @ApplicationModuleListener
    void on(VogRegistered event) {
        boolean running = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(RecruitmentProcess.PROCESS_ID)
                .processInstanceBusinessKey(event.reference()).count() > 0;
        if (!running) {
            return;
        }
        boolean waiting = runtimeService.createExecutionQuery().processInstanceBusinessKey(event.reference())
                .messageEventSubscriptionName(RecruitmentProcess.Messages.VOG_RECEIVED).count() > 0;
        if (!waiting) {
            throw new RetryLaterException("Selection " + event.reference() + " is not waiting for the VOG yet");
        }
        runtimeService.createMessageCorrelation(RecruitmentProcess.Messages.VOG_RECEIVED)
                .processInstanceBusinessKey(event.reference())
                .setVariable(RecruitmentProcess.Variables.VOG_VALID, event.valid())
                .correlateWithResult();
    }

    @ApplicationModuleListener
    void on(ApplicationWithdrawn event) {
        runtimeService.createMessageCorrelation(RecruitmentProcess.Messages.APPLICATION_WITHDRAWN)
                .processInstanceBusinessKey(event.reference())
                .correlateAllWithResult();
    }
}
