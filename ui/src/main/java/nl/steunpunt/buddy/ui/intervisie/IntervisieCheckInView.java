package nl.steunpunt.buddy.ui.intervisie;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.intervisie.GroupMember;
import nl.steunpunt.buddy.intervisie.Intervisie;
import nl.steunpunt.buddy.intervisie.IntervisieSession;
import nl.steunpunt.buddy.processes.IntervisieProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.workflow.IntervisieCycle;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The coordinator checks in with each buddy who missed two intervisie sessions in a row (a call, a
 * chat) and records per buddy what was agreed; the notes stay in the intervisie module.
 */
@Route("taken/intervisie-check-in")
@RolesAllowed("COORDINATOR")
public class IntervisieCheckInView extends IntervisieTaskScreen {

    private final Map<ApplicationId, TextArea> notes = new LinkedHashMap<>();
    private UUID sessionId;

    public IntervisieCheckInView(WorkItems workItems, CurrentActor currentActor, Actors actors, Intervisie intervisie,
            IntervisieCycle cycle, Clock clock) {
        super(workItems, currentActor, actors, intervisie, cycle, clock);
    }

    @Override
    protected String formKey() {
        return IntervisieProcess.Forms.INTERVISIE_CHECK_IN;
    }

    @Override
    protected boolean showsCaseNotes() {
        return true;
    }

    @Override
    protected Component form(WorkItem item) {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        sessionId = cycle.sessionOf(item.id()).orElseThrow();
        IntervisieSession session = intervisie.session(sessionId);
        Paragraph about = new Paragraph(getTranslation("intervisie.check-in.explain", at(session.startsAt())));
        about.setId("check-in-session");
        form.add(about);
        List<GroupMember> missed = intervisie.missedTwice(sessionId);
        Map<ApplicationId, String> earlier = intervisie.checkIns(sessionId);
        notes.clear();
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.setId("check-in-buddies");
        for (GroupMember buddy : missed) {
            TextArea note = new TextArea(getTranslation("intervisie.check-in.note", buddy.name()));
            note.setId("check-in-" + buddy.buddy().value());
            note.setMaxLength(2000);
            note.setWidthFull();
            note.setValue(earlier.getOrDefault(buddy.buddy(), ""));
            notes.put(buddy.buddy(), note);
            list.add(note);
        }
        form.add(list);
        return form;
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        Map<ApplicationId, String> values = new HashMap<>();
        boolean complete = true;
        for (var entry : notes.entrySet()) {
            if (entry.getValue().getValue().isBlank()) {
                entry.getValue().setInvalid(true);
                entry.getValue().setErrorMessage(getTranslation("error.note.required"));
                complete = false;
            }
            values.put(entry.getKey(), entry.getValue().getValue());
        }
        if (!complete) {
            return Optional.empty();
        }
        UUID session = sessionId;
        return Optional.of(new Completion(Map.of(), () -> intervisie.recordCheckIns(session, values)));
    }
}
