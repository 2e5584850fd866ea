package nl.steunpunt.buddy.ui.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.matching.BuddyMatch;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.NotFoundException;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** The buddy contacts the requester (within 48 hours) and records when; she now sees the contact details. */
@Route("taken/eerste-contact")
@RolesAllowed("BUDDY")
public class FirstContactView extends BuddyTaskScreen {

    private final DatePicker on = new DatePicker();
    private final TextArea note = new TextArea();

    public FirstContactView(WorkItems workItems, CurrentActor currentActor, Actors actors, Matchmaking matchmaking, Clock clock) {
        super(workItems, currentActor, actors, matchmaking, clock);
    }

    @Override
    protected String formKey() {
        return MatchingProcess.Forms.FIRST_CONTACT;
    }

    @Override
    protected Component caseFile(WorkItem item) {
        BuddyMatch match = matchmaking.myMatch(requestId(item))
                .orElseThrow(() -> new NotFoundException("error.match.not-your-match"));
        VerticalLayout root = new VerticalLayout();
        root.setPadding(false);
        root.setId("match-contact");
        root.add(new H3(getTranslation("first-contact.title", match.reference())), new Paragraph(getTranslation("first-contact.explain")));
        FormLayout fields = new FormLayout();
        fields.addFormItem(new Span(match.contactName()), getTranslation("help-request.contact-name"));
        fields.addFormItem(new Span(getTranslation("help-request.kind." + match.kind().name())), getTranslation("help-request.kind"));
        fields.addFormItem(new Span(match.phone().orElse("—")), getTranslation("application.phone"));
        fields.addFormItem(new Span(match.email().orElse("—")), getTranslation("application.email"));
        fields.addFormItem(new Span(match.schoolMeetingOn().map(LocalDate::toString).orElse("—")),
                getTranslation("help-request.school-meeting"));
        root.add(fields);
        return root;
    }

    @Override
    protected Component form(WorkItem item) {
        on.setLabel(getTranslation("first-contact.on"));
        on.setId("first-contact-date");
        on.setMax(LocalDate.now(clock()));
        on.setValue(LocalDate.now(clock()));
        note.setLabel(getTranslation("first-contact.note"));
        note.setId("first-contact-note");
        note.setMaxLength(4000);
        note.setWidthFull();
        return new VerticalLayout(on, note);
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        if (on.getValue() == null || on.isInvalid()) {
            on.setInvalid(true);
            on.setErrorMessage(getTranslation("error.match.first-contact.date"));
            return Optional.empty();
        }
        LocalDate date = on.getValue();
        String text = note.getValue();
        return Optional.of(new Completion(Map.of(), () -> matchmaking.recordFirstContact(requestId(item), date, text)));
    }
}
