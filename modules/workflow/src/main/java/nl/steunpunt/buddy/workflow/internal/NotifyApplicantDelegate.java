package nl.steunpunt.buddy.workflow.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.notification.MailTemplate;
import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;

/** Sends the applicant the mail that the task's {@code mailTemplate} input names. */
@Component(RecruitmentProcess.Beans.NOTIFY_APPLICANT)
class NotifyApplicantDelegate implements JavaDelegate {

    private final ApplicantMails mails;
    private final SideEffectLedger ledger;

    NotifyApplicantDelegate(ApplicantMails mails, SideEffectLedger ledger) {
        this.mails = mails;
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MailTemplate template = MailTemplate.valueOf((String) execution.getVariableLocal(RecruitmentProcess.Variables.MAIL_TEMPLATE));
        ApplicationId id = ApplicationId.of((String) execution.getVariable(RecruitmentProcess.Variables.APPLICATION_ID));
        ledger.onceForStep(execution, "mail:" + template, () -> mails.send(id, template));
    }
}
