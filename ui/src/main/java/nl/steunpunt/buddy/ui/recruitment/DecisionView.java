package nl.steunpunt.buddy.ui.recruitment;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.recruitment.Decision;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * Besluit nemen: the advice of the decision table is preselected; the coordinator decides and, when
 * she departs from the advice, records why. A reason is required unless the applicant is selected.
 */
@Route("taken/besluit")
@RolesAllowed("COORDINATOR")
public class DecisionView extends ApplicationTaskScreen {

    private final RadioButtonGroup<Decision> decision = new RadioButtonGroup<>();
    private final TextArea reason = new TextArea();
    private final TextArea overrideReason = new TextArea();

    public DecisionView(WorkItems workItems, CurrentActor currentActor, Actors actors, Applications applications, Clock clock) {
        super(workItems, currentActor, actors, applications, clock);
    }

    @Override
    protected String formKey() {
        return RecruitmentProcess.Forms.DECIDE;
    }

    @Override
    protected Component form(WorkItem item) {
        Optional<Decision> advice = details.advice();
        Paragraph adviceText = new Paragraph(advice
                .map(a -> getTranslation("decision.advice", getTranslation("decision." + a.name()),
                        getTranslation("advice-reason." + details.adviceReason().orElse("NONE"))))
                .orElse(getTranslation("decision.no-advice")));
        adviceText.setId("decision-advice");

        decision.setLabel(getTranslation("decision.outcome"));
        decision.setId("decision-outcome");
        decision.setItems(Decision.values());
        decision.setItemLabelGenerator(d -> getTranslation("decision." + d.name()));
        decision.setRequiredIndicatorVisible(true);
        if (decision.getValue() == null) {
            advice.ifPresent(decision::setValue);
        }
        reason.setLabel(getTranslation("decision.reason"));
        reason.setId("decision-reason");
        reason.setWidthFull();
        reason.setMaxLength(4000);
        reason.setHelperText(getTranslation("decision.reason.help"));
        overrideReason.setLabel(getTranslation("decision.override-reason"));
        overrideReason.setId("decision-override-reason");
        overrideReason.setWidthFull();
        overrideReason.setMaxLength(4000);
        overrideReason.setVisible(departsFromAdvice());
        decision.addValueChangeListener(e -> overrideReason.setVisible(departsFromAdvice()));
        return new VerticalLayout(adviceText, decision, reason, overrideReason);
    }

    private boolean departsFromAdvice() {
        return details.advice().isPresent() && decision.getValue() != null && decision.getValue() != details.advice().get();
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        boolean ok = true;
        if (decision.getValue() == null) {
            decision.setInvalid(true);
            decision.setErrorMessage(getTranslation("error.application.decision.required"));
            return Optional.empty();
        }
        decision.setInvalid(false);
        if (decision.getValue() != Decision.SELECTED && reason.getValue().isBlank()) {
            reason.setInvalid(true);
            reason.setErrorMessage(getTranslation("error.application.decision-reason.required"));
            ok = false;
        } else {
            reason.setInvalid(false);
        }
        if (departsFromAdvice() && overrideReason.getValue().isBlank()) {
            overrideReason.setInvalid(true);
            overrideReason.setErrorMessage(getTranslation("error.application.override-reason.required"));
            ok = false;
        } else {
            overrideReason.setInvalid(false);
        }
        if (!ok) {
            return Optional.empty();
        }
        Decision chosen = decision.getValue();
        String why = reason.getValue();
        String override = overrideReason.getValue();
        return Optional.of(new Completion(Map.of(RecruitmentProcess.Variables.DECISION, chosen.name()),
                () -> applications.recordDecision(applicationId(item), chosen, why, override)));
    }
}
