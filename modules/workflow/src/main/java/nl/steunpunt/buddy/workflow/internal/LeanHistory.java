package nl.steunpunt.buddy.workflow.internal;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The engine's history as the app reads it and no more. The history level stays "full" (the case
 * timeline needs assignments, the metrics and insight need activity durations, the anonymisation
 * reads the operation log), but the engine's own database handler is replaced by one that leaves out
 * two kinds of rows nobody reads: a detail row per variable change ({@code act_hi_detail}; the
 * variables' current values stay in {@code act_hi_varinst}) and the job log of jobs that went well
 * ({@code act_hi_job_log}; failures are kept, the incident screen shows them). Measured with the
 * lifecycle benchmark: see BENCHMARKS.md (P1, P6). Off with {@code buddy.engine.lean-history=false}.
 */
@Component
@ConditionalOnProperty(name = "buddy.engine.lean-history", havingValue = "true", matchIfMissing = true)
class LeanHistory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        if (configuration.getCustomHistoryEventHandlers() == null) {
            configuration.setCustomHistoryEventHandlers(new ArrayList<>());
        }
        configuration.getCustomHistoryEventHandlers().add(0, new Handler());
    }

    /** The engine's database handler without variable details and without the job log of successful jobs. */
    static final class Handler extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricJobLogEvent && !event.isEventOfType(HistoryEventTypes.JOB_FAIL)) {
                return;
            }
            super.handleEvent(event);
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return false;
        }
    }
}
