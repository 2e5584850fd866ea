package nl.steunpunt.buddy.ui.closure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.closure.Closures;
import nl.steunpunt.buddy.closure.ConversationOutcome;
import nl.steunpunt.buddy.processes.ClosureProcess;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** The coordinator records the closing conversation; the buddy's place is then given back. */
@Route("taken/afsluitend-gesprek")
@RolesAllowed("COORDINATOR")
public class ClosingConversationView extends ClosureTaskScreen {

    private final DatePicker heldOn = new DatePicker();
    private final Select<ConversationOutcome> outcome = new Select<>();
    private final TextArea notes = new TextArea();

    public ClosingConversationView(WorkItems workItems, CurrentActor currentActor, Actors actors, Closures closures, Clock clock) {
        super(workItems, currentActor, actors, closures, clock);
    }

    @Override
    protected String formKey() {
        return ClosureProcess.Forms.CLOSING_CONVERSATION;
    }

    @Override
    protected Component form(WorkItem item) {
        heldOn.setLabel(getTranslation("closure.conversation.held-on"));
        heldOn.setId("conversation-date");
        heldOn.setMax(LocalDate.now(clock()));
        heldOn.setValue(LocalDate.now(clock()));
        outcome.setLabel(getTranslation("closure.conversation.outcome"));
        outcome.setId("conversation-outcome");
        outcome.setItems(ConversationOutcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation("closure.outcome." + o.name()));
        notes.setLabel(getTranslation("closure.conversation.notes"));
        notes.setId("conversation-notes");
        notes.setMaxLength(Closures.MAX_NOTES);
        notes.setWidthFull();
        VerticalLayout form = new VerticalLayout(heldOn, outcome, notes);
        form.setPadding(false);
        return form;
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        if (heldOn.getValue() == null || heldOn.isInvalid()) {
            heldOn.setInvalid(true);
            heldOn.setErrorMessage(getTranslation("error.closure.conversation.date"));
            return Optional.empty();
        }
        if (outcome.getValue() == null) {
            outcome.setInvalid(true);
            outcome.setErrorMessage(getTranslation("error.closure.conversation.outcome"));
            return Optional.empty();
        }
        UUID match = matchId(item);
        LocalDate on = heldOn.getValue();
        ConversationOutcome how = outcome.getValue();
        String text = notes.getValue();
        return Optional.of(new Completion(Map.of(), () -> closures.recordConversation(match, on, how, text)));
    }
}
