package nl.steunpunt.buddy.workflow.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import nl.steunpunt.buddy.closure.Closures;
import nl.steunpunt.buddy.closure.ParentEvaluationSubmitted;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.MatchEndings;
import nl.steunpunt.buddy.processes.ClosureProcess;
import nl.steunpunt.buddy.workflow.SupportEnded;

/**
 * Wires afsluiting: the end of support starts the match's closure process once, and the parent's
 * evaluation, submitted through her link, moves it on.
 */
@Service
class ClosureFlow {

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final HelpRequests requests;

    ClosureFlow(RuntimeService runtimeService, HistoryService historyService, HelpRequests requests) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.requests = requests;
    }

    /** Starts the match's closure once, also when the event is delivered again while its first delivery runs. */
    @ApplicationModuleListener
    void on(SupportEnded event) {
        requests.lock(event.helpRequest());
        boolean started = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ClosureProcess.PROCESS_ID)
                .processInstanceBusinessKey(event.businessKey()).count() > 0;
        if (started) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(ClosureProcess.Variables.MATCH_ID, event.matchId().toString());
        variables.put(ClosureProcess.Variables.HELP_REQUEST_ID, event.helpRequest().toString());
        variables.put(ClosureProcess.Variables.REGION_CODE, event.region().value());
        variables.put(ClosureProcess.Variables.BUDDY_USER_ID, event.buddyUserId());
        variables.put(ClosureProcess.Variables.PARENT_EVALUATION_RECEIVED, false);
        runtimeService.startProcessInstanceByKey(ClosureProcess.PROCESS_ID, event.businessKey(), variables);
    }

    /** The evaluation is in: the closure stops waiting for it (unless its link expired meanwhile). */
    @ApplicationModuleListener
    void on(ParentEvaluationSubmitted event) {
        Execution waiting = runtimeService.createExecutionQuery().processDefinitionKey(ClosureProcess.PROCESS_ID)
                .processInstanceBusinessKey(event.reference())
                .messageEventSubscriptionName(ClosureProcess.Messages.PARENT_EVALUATION_RECEIVED).singleResult();
        if (waiting != null) {
            runtimeService.createMessageCorrelation(ClosureProcess.Messages.PARENT_EVALUATION_RECEIVED)
                    .processInstanceId(waiting.getProcessInstanceId()).correlateWithResult();
        }
    }

    /** The thin delegates of the closure model; each is safe to run twice. */
    @Configuration(proxyBeanMethods = false)
    static class Delegates {

        private static UUID match(DelegateExecution execution) {
            return UUID.fromString((String) execution.getVariable(ClosureProcess.Variables.MATCH_ID));
        }

        private static HelpRequestId request(DelegateExecution execution) {
            return HelpRequestId.of((String) execution.getVariable(ClosureProcess.Variables.HELP_REQUEST_ID));
        }

        @Bean(ClosureProcess.Beans.RESTORE_BUDDY_CAPACITY)
        JavaDelegate restoreBuddyCapacityDelegate(MatchEndings endings) {
            return execution -> endings.close(match(execution));
        }

        @Bean(ClosureProcess.Beans.SEND_PARENT_EVALUATION_LINK)
        JavaDelegate sendParentEvaluationLinkDelegate(ClosureMails mails, SideEffectLedger ledger) {
            return execution -> ledger.onceForStep(execution, "mail", () -> mails.sendLink(match(execution), request(execution),
                    (String) execution.getVariable(ClosureProcess.Variables.REGION_CODE)));
        }

        @Bean(ClosureProcess.Beans.REMIND_PARENT_EVALUATION)
        JavaDelegate remindParentEvaluationDelegate(ClosureMails mails, SideEffectLedger ledger) {
            return execution -> ledger.onceForStep(execution, "mail", () -> mails.remind(match(execution), request(execution)));
        }

        @Bean(ClosureProcess.Beans.EXPIRE_EVALUATION_LINK)
        JavaDelegate expireEvaluationLinkDelegate(Closures closures) {
            return execution -> closures.expireParentLinks(match(execution));
        }

        @Bean(ClosureProcess.Beans.ANONYMISE_CASE)
        JavaDelegate anonymiseCaseDelegate(CaseAnonymisation anonymisation) {
            return execution -> anonymisation.anonymise(request(execution).value(), match(execution),
                    execution.getProcessBusinessKey());
        }
    }
}
