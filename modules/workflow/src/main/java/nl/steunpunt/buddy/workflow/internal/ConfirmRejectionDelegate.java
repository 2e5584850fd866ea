package nl.steunpunt.buddy.workflow.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.Applications;

/** Closes a rejected application in the recruitment module (idempotent there). */
@Component(RecruitmentProcess.Beans.CONFIRM_REJECTION)
class ConfirmRejectionDelegate implements JavaDelegate {

    private final Applications applications;

    ConfirmRejectionDelegate(Applications applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        applications.confirmRejection(ApplicationId.of((String) execution.getVariable(RecruitmentProcess.Variables.APPLICATION_ID)));
    }
}
