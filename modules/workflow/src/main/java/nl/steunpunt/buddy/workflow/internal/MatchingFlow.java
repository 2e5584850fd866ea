package nl.steunpunt.buddy.workflow.internal;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import nl.steunpunt.buddy.matching.BatchProposal;
import nl.steunpunt.buddy.matching.CapacityAvailable;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequestWithdrawn;
import nl.steunpunt.buddy.matching.HelpRequested;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.RetryLaterException;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.workflow.TaskTakenException;
import nl.steunpunt.buddy.workflow.WaitingListProposals;

/**
 * Wires hulpvraag en koppeling: a help request starts its process, a withdrawal ends it, a buddy
 * who became available brings waiting requests forward, and proposals from the waiting list move
 * the process on together with the proposal.
 */
@Service
class MatchingFlow implements WaitingListProposals {

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final Matchmaking matchmaking;
    private final HelpRequests requests;
    private final CurrentActor currentActor;
    private final TransactionTemplate ownTransaction;

    MatchingFlow(RuntimeService runtimeService, HistoryService historyService, ManagementService managementService,
            TaskService taskService, Matchmaking matchmaking, HelpRequests requests, CurrentActor currentActor,
            PlatformTransactionManager transactionManager) {
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.requests = requests;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.managementService = managementService;
        this.taskService = taskService;
        this.matchmaking = matchmaking;
        this.currentActor = currentActor;
    }

    /** Starts the request's process once, also when the event is delivered again while its first delivery runs. */
    @ApplicationModuleListener
    void on(HelpRequested event) {
        requests.lock(event.request());
        boolean started = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(MatchingProcess.PROCESS_ID)
                .processInstanceBusinessKey(event.reference()).count() > 0;
        if (started) {
            return;
        }
        runtimeService.startProcessInstanceByKey(MatchingProcess.PROCESS_ID, event.reference(), Map.of(
                MatchingProcess.Variables.HELP_REQUEST_ID, event.request().toString(),
                MatchingProcess.Variables.REGION_CODE, event.region().value()));
    }

    /** A withdrawal ends the process wherever it is; before the process started, it is tried again later. */
    @ApplicationModuleListener
    void on(HelpRequestWithdrawn event) {
        boolean started = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(MatchingProcess.PROCESS_ID)
                .processInstanceBusinessKey(event.reference()).count() > 0;
        if (!started) {
            throw new RetryLaterException("Matching " + event.reference() + " has not started yet");
        }
        if (waitingFor(event.reference(), MatchingProcess.Messages.REQUEST_WITHDRAWN)) {
            runtimeService.createMessageCorrelation(MatchingProcess.Messages.REQUEST_WITHDRAWN)
                    .processInstanceBusinessKey(event.reference()).correlateWithResult();
        }
    }

    /** Waiting requests of these regions are re-evaluated now instead of at their next periodic look. */
    @ApplicationModuleListener
    void on(CapacityAvailable event) {
        List<String> regions = event.regions().stream().map(RegionCode::value).toList();
        for (Job timer : managementService.createJobQuery().processDefinitionKey(MatchingProcess.PROCESS_ID)
                .activityId(MatchingProcess.EVENT_REEVALUATE_WAITING_LIST).timers().list()) {
            Object region = runtimeService.getVariable(timer.getProcessInstanceId(), MatchingProcess.Variables.REGION_CODE);
            boolean due = timer.getDuedate() != null && !timer.getDuedate().after(ClockUtil.getCurrentTime());
            if (regions.contains(region) && !due) {
                try {
                    // Its own transaction: a timer moved or run concurrently spoils only this one step.
                    ownTransaction.executeWithoutResult(tx -> managementService.setJobDuedate(timer.getId(), ClockUtil.getCurrentTime()));
                } catch (OptimisticLockingException e) {
                    // Another node or event moved or ran this timer just now: the request is being looked at.
                }
            }
        }
    }

    @Override
    @Transactional
    public void propose(HelpRequestId request, ApplicationId buddy, String overrideReason) {
        String account = matchmaking.proposeFromWaitingList(request, buddy, overrideReason);
        leaveWaitingList(request, account);
    }

    @Override
    @Transactional
    public void proposeBatch(List<BatchProposal.Pair> approved) {
        if (!currentActor.require().hasRole(Role.COORDINATOR)) {
            throw new AccessDeniedException("error.access.other-region");
        }
        if (approved == null || approved.isEmpty()) {
            throw new InvalidInputException("error.batch.empty");
        }
        for (BatchProposal.Pair pair : approved) {
            String account = matchmaking.proposeFromBatch(pair.request().id(), pair.buddy());
            leaveWaitingList(pair.request().id(), account);
        }
    }

    /**
     * Moves the request's process on to the buddy's answer: from the waiting list (message), or,
     * when re-evaluation already gave the coordinators a propose task, by completing that task.
     */
    private void leaveWaitingList(HelpRequestId request, String account) {
        Execution waiting = runtimeService.createExecutionQuery().processDefinitionKey(MatchingProcess.PROCESS_ID)
                .processVariableValueEquals(MatchingProcess.Variables.HELP_REQUEST_ID, request.toString())
                .messageEventSubscriptionName(MatchingProcess.Messages.PROPOSED_FROM_WAITING_LIST).singleResult();
        if (waiting != null) {
            runtimeService.createMessageCorrelation(MatchingProcess.Messages.PROPOSED_FROM_WAITING_LIST)
                    .processInstanceId(waiting.getProcessInstanceId())
                    .setVariable(MatchingProcess.Variables.PROPOSED_BUDDY_USER_ID, account).correlateWithResult();
            return;
        }
        Task propose = taskService.createTaskQuery().processDefinitionKey(MatchingProcess.PROCESS_ID)
                .taskDefinitionKey(MatchingProcess.TASK_PROPOSE_BUDDY)
                .processVariableValueEquals(MatchingProcess.Variables.HELP_REQUEST_ID, request.toString()).singleResult();
        if (propose == null) {
            throw new InvalidInputException("error.help-request.state");
        }
        String user = currentActor.require().userId();
        if (propose.getAssignee() != null && !propose.getAssignee().equals(user)) {
            throw new TaskTakenException(propose.getAssignee());
        }
        if (propose.getAssignee() == null) {
            taskService.claim(propose.getId(), user);
        }
        taskService.complete(propose.getId(), Map.of(MatchingProcess.Variables.PROPOSED_BUDDY_USER_ID, account));
    }

    private boolean waitingFor(String reference, String message) {
        return runtimeService.createExecutionQuery().processDefinitionKey(MatchingProcess.PROCESS_ID)
                .processInstanceBusinessKey(reference).messageEventSubscriptionName(message).count() > 0;
    }

    /** The thin delegates of the matching model. */
    @Configuration(proxyBeanMethods = false)
    static class Delegates {

        private static HelpRequestId request(DelegateExecution execution) {
            return HelpRequestId.of((String) execution.getVariable(MatchingProcess.Variables.HELP_REQUEST_ID));
        }

        @Bean(MatchingProcess.Beans.RANK_CANDIDATES)
        JavaDelegate rankCandidatesDelegate(Matchmaking matchmaking) {
            return execution -> execution.setVariable(MatchingProcess.Variables.CANDIDATES_AVAILABLE,
                    matchmaking.rankForWorkflow(request(execution)));
        }

        @Bean(MatchingProcess.Beans.PLACE_ON_WAITING_LIST)
        JavaDelegate placeOnWaitingListDelegate(Matchmaking matchmaking) {
            return execution -> matchmaking.placeOnWaitingList(request(execution));
        }

        @Bean(MatchingProcess.Beans.RECORD_DECLINE)
        JavaDelegate recordDeclineDelegate(Matchmaking matchmaking) {
            return execution -> execution.setVariable(MatchingProcess.Variables.DECLINE_COUNT,
                    matchmaking.recordDecline(request(execution)));
        }

        @Bean(MatchingProcess.Beans.REMIND_FIRST_CONTACT)
        JavaDelegate remindFirstContactDelegate(MatchingMails mails, SideEffectLedger ledger) {
            return execution -> ledger.onceForStep(execution, "mail", () -> mails.remindFirstContact(request(execution),
                    (String) execution.getVariable(MatchingProcess.Variables.PROPOSED_BUDDY_USER_ID)));
        }

        @Bean(MatchingProcess.Beans.ACTIVATE_MATCH)
        JavaDelegate activateMatchDelegate(Matchmaking matchmaking) {
            return execution -> matchmaking.activate(request(execution));
        }

        @Bean(MatchingProcess.Beans.RECORD_REQUEST_WITHDRAWAL)
        JavaDelegate recordRequestWithdrawalDelegate(Matchmaking matchmaking) {
            return execution -> matchmaking.recordWithdrawal(request(execution));
        }
    }
}
