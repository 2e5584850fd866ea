package nl.steunpunt.buddy.ui.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** The coordinator records the introduction meeting of requester and buddy; the match then becomes active. */
@Route("taken/kennismaking")
@RolesAllowed("COORDINATOR")
public class IntroductionMeetingView extends MatchingTaskScreen {

    private final Matchmaking matchmaking;
    private final DatePicker heldOn = new DatePicker();
    private final TextArea note = new TextArea();

    public IntroductionMeetingView(WorkItems workItems, CurrentActor currentActor, Actors actors, HelpRequests requests,
            Matchmaking matchmaking, Clock clock) {
        super(workItems, currentActor, actors, requests, clock);
        this.matchmaking = matchmaking;
    }

    @Override
    protected String formKey() {
        return MatchingProcess.Forms.INTRODUCTION_MEETING;
    }

    @Override
    protected Component form(WorkItem item) {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        details.match().ifPresent(m -> form.add(new Paragraph(getTranslation("introduction.match", m.buddyName(),
                m.firstContactOn().map(LocalDate::toString).orElse("—")))));
        heldOn.setLabel(getTranslation("introduction.held-on"));
        heldOn.setId("introduction-date");
        heldOn.setMax(LocalDate.now(clock()));
        heldOn.setValue(LocalDate.now(clock()));
        note.setLabel(getTranslation("introduction.note"));
        note.setId("introduction-note");
        note.setMaxLength(4000);
        note.setWidthFull();
        form.add(heldOn, note);
        return form;
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        if (heldOn.getValue() == null || heldOn.isInvalid()) {
            heldOn.setInvalid(true);
            heldOn.setErrorMessage(getTranslation("error.match.introduction.date"));
            return Optional.empty();
        }
        LocalDate on = heldOn.getValue();
        String text = note.getValue();
        return Optional.of(new Completion(Map.of(), () -> matchmaking.recordIntroduction(requestId(item), on, text)));
    }
}
