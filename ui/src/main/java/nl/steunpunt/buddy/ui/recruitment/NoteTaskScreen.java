package nl.steunpunt.buddy.ui.recruitment;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * A coordinator's follow-up task about a buddy: read the case, act outside the system (call,
 * plan), and record what was agreed as a note on the case when completing.
 */
public abstract class NoteTaskScreen extends ApplicationTaskScreen {

    private final TextArea outcome = new TextArea();
    private final String keyPrefix;

    protected NoteTaskScreen(WorkItems workItems, CurrentActor currentActor, Actors actors, Applications applications, Clock clock,
            String keyPrefix) {
        super(workItems, currentActor, actors, applications, clock);
        this.keyPrefix = keyPrefix;
    }

    @Override
    protected Component form(WorkItem item) {
        outcome.setLabel(getTranslation(keyPrefix + ".outcome"));
        outcome.setId("task-outcome");
        outcome.setMaxLength(2000);
        outcome.setWidthFull();
        return new VerticalLayout(new Paragraph(getTranslation(keyPrefix + ".explain")), outcome);
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        if (outcome.getValue().isBlank()) {
            outcome.setInvalid(true);
            outcome.setErrorMessage(getTranslation("error.note.required"));
            return Optional.empty();
        }
        String note = outcome.getValue();
        return Optional.of(new Completion(Map.of(), () -> workItems.comment(item.id(), note)));
    }
}
