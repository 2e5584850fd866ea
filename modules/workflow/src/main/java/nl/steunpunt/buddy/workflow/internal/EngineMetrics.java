package nl.steunpunt.buddy.workflow.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import nl.steunpunt.buddy.workflow.Phase;

/**
 * The engine's figures for operations (Micrometer): open tasks per process, due and failed jobs and
 * open incidents as gauges read when scraped; started and ended process instances as counters fed
 * by the engine's history events once their transaction commits. The handler is added by this
 * plugin rather than exposed as a bean, so it cannot clash with another module's handler (the Camunda
 * starter takes a single {@link HistoryEventHandler} bean). No personal data, no case IDs.
 */
@Component
class EngineMetrics extends AbstractProcessEnginePlugin implements MeterBinder {

    private static final String PROCESS_TAG = "process";

    private final ObjectProvider<TaskService> tasks;
    private final ObjectProvider<ManagementService> management;
    private final ObjectProvider<RuntimeService> runtime;
    private volatile MeterRegistry registry;

    EngineMetrics(ObjectProvider<TaskService> tasks, ObjectProvider<ManagementService> management, ObjectProvider<RuntimeService> runtime) {
        this.tasks = tasks;
        this.management = management;
        this.runtime = runtime;
    }

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        for (Phase phase : Phase.values()) {
            Gauge.builder("buddy.tasks.open", this, m -> m.tasks.getObject().createTaskQuery()
                    .processDefinitionKey(phase.processKey()).active().count())
                    .tag(PROCESS_TAG, phase.processKey()).description("Open tasks of the process").register(meterRegistry);
            started(meterRegistry, phase.processKey());
            ended(meterRegistry, phase.processKey());
        }
        Gauge.builder("buddy.jobs.due", this, m -> m.management.getObject().createJobQuery().executable().count())
                .description("Jobs due for execution (retries left)").register(meterRegistry);
        Gauge.builder("buddy.jobs.failed", this, m -> m.management.getObject().createJobQuery().noRetriesLeft().count())
                .description("Jobs that failed and have no retries left").register(meterRegistry);
        Gauge.builder("buddy.incidents.open", this, m -> m.runtime.getObject().createIncidentQuery().count())
                .description("Open incidents").register(meterRegistry);
        this.registry = meterRegistry;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryEventHandlers() == null) {
            configuration.setCustomHistoryEventHandlers(new ArrayList<>());
        }
        configuration.getCustomHistoryEventHandlers().add(new HistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent event) {
                count(event);
            }

            @Override
            public void handleEvents(List<HistoryEvent> events) {
                events.forEach(this::handleEvent);
            }
        });
    }

    private void count(HistoryEvent event) {
        MeterRegistry meters = registry;
        if (meters == null || !(event instanceof HistoricProcessInstanceEventEntity instance)) {
            return;
        }
        String key = instance.getProcessDefinitionKey();
        Counter counter;
        if (event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)) {
            counter = started(meters, key);
        } else if (event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)) {
            counter = ended(meters, key);
        } else {
            return;
        }
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            counter.increment();
        } else {
            context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> counter.increment());
        }
    }

    private static Counter started(MeterRegistry meters, String key) {
        return Counter.builder("buddy.process.instances.started").tag(PROCESS_TAG, key)
                .description("Process instances started").register(meters);
    }

    private static Counter ended(MeterRegistry meters, String key) {
        return Counter.builder("buddy.process.instances.ended").tag(PROCESS_TAG, key)
                .description("Process instances ended").register(meters);
    }
}
