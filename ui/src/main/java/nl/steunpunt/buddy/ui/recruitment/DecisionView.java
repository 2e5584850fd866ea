package nl.steunpunt.buddy.ui.recruitment;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.recruitment.Decision;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** Besluit nemen: selected, not selected or on hold; a reason unless selected. */
@Route("taken/besluit")
@RolesAllowed("COORDINATOR")
public class DecisionView extends ApplicationTaskScreen {

    /** The form's data. */
    static final class DecisionForm {
        private Decision decision;
        private String reason = "";

        Decision getDecision() { return decision; }
        void setDecision(Decision decision) { this.decision = decision; }
        String getReason() { return reason; }
        void setReason(String reason) { this.reason = reason; }
    }

    private Binder<DecisionForm> binder = new Binder<>();
    private final DecisionForm data = new DecisionForm();

    public DecisionView(WorkItems workItems, CurrentActor currentActor, Actors actors, Applications applications, Clock clock) {
        super(workItems, currentActor, actors, applications, clock);
    }

    @Override
    protected String formKey() {
        return RecruitmentProcess.Forms.DECIDE;
    }

    @Override
    protected Component form(WorkItem item) {
        binder = new Binder<>();
        RadioButtonGroup<Decision> decision = new RadioButtonGroup<>(getTranslation("decision.outcome"));
        decision.setId("decision-outcome");
        decision.setItems(Decision.values());
        decision.setItemLabelGenerator(d -> getTranslation("decision." + d.name()));
        TextArea reason = new TextArea(getTranslation("decision.reason"));
        reason.setId("decision-reason");
        reason.setWidthFull();
        reason.setMaxLength(4000);
        binder.forField(decision).asRequired(getTranslation("error.application.decision.required"))
                .bind(DecisionForm::getDecision, DecisionForm::setDecision);
        binder.forField(reason)
                .withValidator(text -> decision.getValue() == null || decision.getValue() == Decision.SELECTED || !text.isBlank(),
                        getTranslation("error.application.decision-reason.required"))
                .bind(DecisionForm::getReason, DecisionForm::setReason);
        binder.setBean(data);
        decision.addValueChangeListener(e -> binder.validate());
        return new VerticalLayout(decision, reason);
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        if (!binder.validate().isOk()) {
            return Optional.empty();
        }
        Decision decision = data.getDecision();
        String reason = data.getReason();
        return Optional.of(new Completion(Map.of(RecruitmentProcess.Variables.DECISION, decision.name()),
                () -> applications.recordDecision(applicationId(item), decision, reason)));
    }
}
