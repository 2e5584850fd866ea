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
import nl.steunpunt.buddy.support.SchoolMeeting;
import nl.steunpunt.buddy.support.SupportRecords;
import nl.steunpunt.buddy.workflow.SupportActions;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** Two days before a school meeting the buddy prepares it with the parent and notes what they agreed. */
@Route("taken/schoolgesprek-voorbereiden")
@RolesAllowed("BUDDY")
public class PrepareSchoolMeetingView extends SupportTaskScreen.ForBuddy {

    private final TextArea note = new TextArea();
    private UUID meetingId;

    public PrepareSchoolMeetingView(WorkItems workItems, CurrentActor currentActor, Actors actors, SupportRecords records,
            SupportActions support, Clock clock) {
        super(workItems, currentActor, actors, records, support, clock);
    }

    @Override
    protected String formKey() {
        return SupportProcess.Forms.PREPARE_SCHOOL_MEETING;
    }

    @Override
    protected Component form(WorkItem item) {
        meetingId = support.meetingOf(item.id());
        SchoolMeeting meeting = records.meeting(meetingId);
        Paragraph about = new Paragraph(new SupportCasePanel(matchCase, clock().getZone()).meeting(meeting));
        about.setId("prepare-meeting");
        note.setLabel(getTranslation("meeting.preparation"));
        note.setHelperText(getTranslation("meeting.preparation.help"));
        note.setId("prepare-note");
        note.setMaxLength(SupportRecords.MAX_TEXT);
        note.setWidthFull();
        VerticalLayout form = new VerticalLayout(new Paragraph(getTranslation("meeting.preparation.explain")), about, note);
        form.setPadding(false);
        return form;
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        if (note.getValue().isBlank()) {
            note.setInvalid(true);
            note.setErrorMessage(getTranslation("error.meeting.preparation.required"));
            return Optional.empty();
        }
        String text = note.getValue();
        UUID meeting = meetingId;
        return Optional.of(new Completion(Map.of(), () -> records.recordPreparation(meeting, text)));
    }
}
