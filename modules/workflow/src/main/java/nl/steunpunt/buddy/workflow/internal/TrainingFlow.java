package nl.steunpunt.buddy.workflow.internal;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.processes.TrainingProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.RetryLaterException;
import nl.steunpunt.buddy.training.ModulesCompleted;
import nl.steunpunt.buddy.training.RefresherCompleted;
import nl.steunpunt.buddy.training.SessionMissed;
import nl.steunpunt.buddy.training.TraineeEnrolled;
import nl.steunpunt.buddy.training.Training;

/** Scholing in the engine: the process starts per enrolled trainee; training events become messages. */
@Component
class TrainingFlow {

    private final RuntimeService runtimeService;
    private final Training training;

    TrainingFlow(RuntimeService runtimeService, Training training) {
        this.runtimeService = runtimeService;
        this.training = training;
    }

    /** Enrolment and re-certification each start scholing; never two at once for one buddy. */
    @ApplicationModuleListener
    void on(TraineeEnrolled event) {
        training.lock(event.trainee());
        boolean running = runtimeService.createProcessInstanceQuery().processDefinitionKey(TrainingProcess.PROCESS_ID)
                .processInstanceBusinessKey(event.reference()).count() > 0;
        if (running) {
            return;
        }
        runtimeService.startProcessInstanceByKey(TrainingProcess.PROCESS_ID, event.reference(), Map.of(
                TrainingProcess.Variables.TRAINEE_ID, event.trainee().toString(),
                TrainingProcess.Variables.REGION_CODE, training.regionOf(event.trainee()).value()));
    }

    @ApplicationModuleListener
    void on(ModulesCompleted event) {
        correlateWhenWaiting(event.reference(), TrainingProcess.Messages.MODULES_COMPLETED);
    }

    /** A missed session after the modules are done (or before the process started) needs no make-up task. */
    @ApplicationModuleListener
    void on(SessionMissed event) {
        if (waitingFor(event.reference(), TrainingProcess.Messages.SESSION_MISSED)) {
            runtimeService.createMessageCorrelation(TrainingProcess.Messages.SESSION_MISSED)
                    .processInstanceBusinessKey(event.reference()).correlateWithResult();
        }
    }

    @ApplicationModuleListener
    void on(RefresherCompleted event) {
        correlateWhenWaiting(event.reference(), TrainingProcess.Messages.REFRESHER_COMPLETED);
    }

    private void correlateWhenWaiting(String reference, String message) {
        if (!waitingFor(reference, message)) {
            throw new RetryLaterException("Training " + reference + " is not waiting for " + message + " yet");
        }
        runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(reference).correlateWithResult();
    }

    private boolean waitingFor(String reference, String message) {
        return runtimeService.createExecutionQuery().processDefinitionKey(TrainingProcess.PROCESS_ID)
                .processInstanceBusinessKey(reference).messageEventSubscriptionName(message).count() > 0;
    }

    /** The thin delegates of the training model. */
    @Configuration(proxyBeanMethods = false)
    static class Delegates {

        private static ApplicationId trainee(DelegateExecution execution) {
            return ApplicationId.of((String) execution.getVariable(TrainingProcess.Variables.TRAINEE_ID));
        }

        @Bean(TrainingProcess.Beans.CERTIFY)
        JavaDelegate certifyDelegate(Training training) {
            return execution -> training.certify(trainee(execution));
        }

        @Bean(TrainingProcess.Beans.RECORD_REFRESHER)
        JavaDelegate recordRefresherDelegate(Training training) {
            return execution -> training.confirmRefresher(trainee(execution));
        }

        @Bean(TrainingProcess.Beans.EXPIRE_QUALIFICATION)
        JavaDelegate expireQualificationDelegate(Training training) {
            return execution -> training.expire(trainee(execution));
        }
    }
}
