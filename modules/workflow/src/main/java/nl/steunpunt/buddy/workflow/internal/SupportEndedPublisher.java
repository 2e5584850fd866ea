package nl.steunpunt.buddy.workflow.internal;

import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.processes.SupportProcess;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.workflow.SupportEnded;

/**
 * Announces {@link SupportEnded} when a support process reaches one of its two ends (closed after a
 * review, or ended early), inside the transaction that ends it. Each instance reaches exactly one of
 * them once, so the event is published exactly once. The listener is added when the model is parsed,
 * so the model itself stays free of application code.
 */
@Component
class SupportEndedPublisher extends AbstractProcessEnginePlugin implements ExecutionListener {

    private static final Set<String> ENDS = Set.of(SupportProcess.EVENT_SUPPORT_ENDED, SupportProcess.EVENT_ENDED_EARLY);

    private final ApplicationEventPublisher events;

    SupportEndedPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseEndEvent(Element endEventElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
                        && SupportProcess.PROCESS_ID.equals(definition.getKey()) && ENDS.contains(activity.getId())) {
                    activity.addListener(ExecutionListener.EVENTNAME_START, SupportEndedPublisher.this);
                }
            }
        });
    }

    @Override
    public void notify(DelegateExecution execution) {
        events.publishEvent(new SupportEnded(
                UUID.fromString((String) execution.getVariable(SupportProcess.Variables.MATCH_ID)),
                HelpRequestId.of((String) execution.getVariable(SupportProcess.Variables.HELP_REQUEST_ID)),
                execution.getProcessBusinessKey(),
                new RegionCode((String) execution.getVariable(SupportProcess.Variables.REGION_CODE)),
                (String) execution.getVariable(SupportProcess.Variables.BUDDY_USER_ID)));
    }
}
