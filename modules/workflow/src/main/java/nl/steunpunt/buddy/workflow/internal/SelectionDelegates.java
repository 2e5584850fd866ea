package nl.steunpunt.buddy.workflow.internal;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.steunpunt.buddy.notification.MailTemplate;
import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.processes.SelectionAdvice;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.recruitment.AssessmentSummary;
import nl.steunpunt.buddy.recruitment.Decision;

/**
 * The thin delegates of werving en selectie: each maps the application ID to one call of the
 * recruitment module (idempotent there) and, where the applicant must hear of it, one mail.
 */
@Configuration(proxyBeanMethods = false)
class SelectionDelegates {

    static final int REMINDED_PRIORITY = 80;

    private static ApplicationId applicationId(DelegateExecution execution) {
        return ApplicationId.of((String) execution.getVariable(RecruitmentProcess.Variables.APPLICATION_ID));
    }

    /** Evaluates the selection advice from the assessment's counts and stores it with the application. */
    @Bean(RecruitmentProcess.Beans.ADVISE_SELECTION)
    JavaDelegate adviseSelectionDelegate(Applications applications, DecisionService decisions) {
        return execution -> {
            ApplicationId id = applicationId(execution);
            AssessmentSummary summary = applications.assessmentSummary(id);
            var result = decisions.evaluateDecisionTableByKey(SelectionAdvice.DECISION_ID, Variables.createVariables()
                    .putValue(SelectionAdvice.INSUFFICIENT_COUNT, summary.insufficientCount())
                    .putValue(SelectionAdvice.DOUBT_COUNT, summary.doubtCount()));
            if (result.isEmpty()) {
                throw new IllegalStateException("The selection advice gave no result for " + summary);
            }
            applications.recordAdvice(id, Decision.valueOf(result.getSingleResult().getEntry(SelectionAdvice.OUTPUT_DECISION)),
                    result.getSingleResult().getEntry(SelectionAdvice.OUTPUT_REASON));
        };
    }

    /** Raises the open screening task so that it tops every inbox sorted by priority, and marks it reminded. */
    @Bean(RecruitmentProcess.Beans.REMIND_COORDINATORS)
    JavaDelegate remindCoordinatorsDelegate(TaskService tasks) {
        return execution -> tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(RecruitmentProcess.TASK_SCREEN_APPLICATION).list()
                .forEach(task -> tasks.setPriority(task.getId(), REMINDED_PRIORITY));
    }

    @Bean(RecruitmentProcess.Beans.CONFIRM_SELECTION)
    JavaDelegate confirmSelectionDelegate(Applications applications, ApplicantMails mails, SideEffectLedger ledger) {
        return execution -> {
            ApplicationId id = applicationId(execution);
            applications.confirmSelection(id);
            ledger.onceForStep(execution, "mail", () -> mails.send(id, MailTemplate.DECISION_SELECTED));
        };
    }

    @Bean(RecruitmentProcess.Beans.CONFIRM_REJECTION)
    JavaDelegate confirmRejectionDelegate(Applications applications, ApplicantMails mails, SideEffectLedger ledger) {
        return execution -> {
            ApplicationId id = applicationId(execution);
            applications.confirmRejection(id);
            ledger.onceForStep(execution, "mail", () -> mails.send(id, MailTemplate.DECISION_NOT_SELECTED));
        };
    }

    @Bean(RecruitmentProcess.Beans.ENROLL_IN_TRAINING)
    JavaDelegate enrollInTrainingDelegate(Applications applications) {
        return execution -> applications.completeSelection(applicationId(execution));
    }

    /** The withdrawal itself is recorded by the coordinator's action; this confirms it to the applicant. */
    @Bean(RecruitmentProcess.Beans.RECORD_WITHDRAWAL)
    JavaDelegate recordWithdrawalDelegate(ApplicantMails mails, SideEffectLedger ledger) {
        return execution -> ledger.onceForStep(execution, "mail",
                () -> mails.send(applicationId(execution), MailTemplate.APPLICATION_WITHDRAWN));
    }
}
