package nl.steunpunt.buddy.ui.offboarding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.matching.BuddyDepartures;
import nl.steunpunt.buddy.processes.BuddyOffboardingProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.NotFoundException;
import nl.steunpunt.buddy.ui.inbox.TaskScreen;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** The coordinator records the exit conversation with a buddy who stops: when, what was said, may we contact her later. */
@Route("taken/exitgesprek")
@RolesAllowed("COORDINATOR")
public class ExitConversationView extends TaskScreen {

    private final BuddyDepartures departures;
    private final Clock clock;
    private final DatePicker heldOn = new DatePicker();
    private final TextArea note = new TextArea();
    private final Checkbox mayContact = new Checkbox();

    public ExitConversationView(WorkItems workItems, CurrentActor currentActor, Actors actors, BuddyDepartures departures, Clock clock) {
        super(workItems, currentActor, actors, clock.getZone());
        this.departures = departures;
        this.clock = clock;
    }

    @Override
    protected String formKey() {
        return BuddyOffboardingProcess.Forms.EXIT_CONVERSATION;
    }

    @Override
    protected Component caseFile(WorkItem item) {
        return new DepartureCaseFile(departures.departure(buddy(item)).orElseThrow(() -> new NotFoundException("error.departure.not-found")),
                clock.getZone());
    }

    @Override
    protected Component form(WorkItem item) {
        heldOn.setLabel(getTranslation("exit.held-on"));
        heldOn.setId("exit-date");
        heldOn.setMax(LocalDate.now(clock));
        heldOn.setValue(LocalDate.now(clock));
        note.setLabel(getTranslation("exit.note"));
        note.setHelperText(getTranslation("exit.note.help"));
        note.setId("exit-note");
        note.setMaxLength(4000);
        note.setWidthFull();
        mayContact.setLabel(getTranslation("exit.may-contact"));
        mayContact.setId("exit-may-contact");
        VerticalLayout form = new VerticalLayout(heldOn, note, mayContact);
        form.setPadding(false);
        return form;
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        if (heldOn.getValue() == null || heldOn.isInvalid()) {
            heldOn.setInvalid(true);
            heldOn.setErrorMessage(getTranslation("error.departure.exit-date"));
            return Optional.empty();
        }
        LocalDate on = heldOn.getValue();
        String text = note.getValue();
        boolean contact = mayContact.getValue();
        return Optional.of(new Completion(Map.of(), () -> departures.recordExitConversation(buddy(item), on, text, contact)));
    }

    private static ApplicationId buddy(WorkItem item) {
        return ApplicationId.of(item.subjectId());
    }
}
