package nl.steunpunt.buddy.ui.support;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.processes.SupportProcess;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.support.Concern;
import nl.steunpunt.buddy.support.SupportRecords;
import nl.steunpunt.buddy.workflow.SupportActions;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** The coordinator discusses the buddy's concern within a working day and records the outcome and action. */
@Route("taken/zorg-bespreken")
@RolesAllowed("COORDINATOR")
public class DiscussConcernView extends SupportTaskScreen {

    private final TextArea outcome = new TextArea();
    private final TextArea action = new TextArea();
    private UUID concernId;

    public DiscussConcernView(WorkItems workItems, CurrentActor currentActor, Actors actors, SupportRecords records,
            SupportActions support, Clock clock) {
        super(workItems, currentActor, actors, records, support, clock);
    }

    @Override
    protected String formKey() {
        return SupportProcess.Forms.DISCUSS_CONCERN;
    }

    @Override
    protected Component form(WorkItem item) {
        concernId = support.concernOf(item.id());
        Concern concern = records.concern(concernId);
        Paragraph text = new Paragraph(getTranslation("concern.raised-as", getTranslation("concern.urgency." + concern.urgency().name()),
                concern.text()));
        text.setId("concern-raised");
        outcome.setLabel(getTranslation("concern.outcome"));
        outcome.setId("concern-outcome");
        outcome.setMaxLength(SupportRecords.MAX_TEXT);
        outcome.setWidthFull();
        action.setLabel(getTranslation("concern.action"));
        action.setId("concern-action");
        action.setMaxLength(SupportRecords.MAX_TEXT);
        action.setWidthFull();
        VerticalLayout form = new VerticalLayout(text, outcome, action);
        form.setPadding(false);
        return form;
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        if (outcome.getValue().isBlank()) {
            outcome.setInvalid(true);
            outcome.setErrorMessage(getTranslation("error.concern.outcome.required"));
            return Optional.empty();
        }
        UUID concern = concernId;
        String what = outcome.getValue();
        String next = action.getValue();
        return Optional.of(new Completion(Map.of(), () -> records.handleConcern(concern, what, next)));
    }
}
