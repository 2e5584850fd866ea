package nl.steunpunt.buddy.ui.support;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
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

/** After a school meeting: did it take place, did the buddy send the parent her message, and her notes. */
@Route("taken/na-schoolgesprek")
@RolesAllowed("BUDDY")
public class FollowUpSchoolMeetingView extends SupportTaskScreen.ForBuddy {

    private final RadioButtonGroup<Boolean> tookPlace = new RadioButtonGroup<>();
    private final Checkbox messageSent = new Checkbox();
    private final TextArea notes = new TextArea();
    private UUID meetingId;

    public FollowUpSchoolMeetingView(WorkItems workItems, CurrentActor currentActor, Actors actors, SupportRecords records,
            SupportActions support, Clock clock) {
        super(workItems, currentActor, actors, records, support, clock);
    }

    @Override
    protected String formKey() {
        return SupportProcess.Forms.FOLLOW_UP_SCHOOL_MEETING;
    }

    @Override
    protected Component form(WorkItem item) {
        meetingId = support.meetingOf(item.id());
        SchoolMeeting meeting = records.meeting(meetingId);
        Paragraph about = new Paragraph(new SupportCasePanel(matchCase, clock().getZone()).meeting(meeting));
        about.setId("follow-up-meeting");
        tookPlace.setLabel(getTranslation("meeting.took-place"));
        tookPlace.setId("follow-up-took-place");
        tookPlace.setItems(true, false);
        tookPlace.setItemLabelGenerator(b -> getTranslation(b ? "support.yes" : "support.no"));
        messageSent.setLabel(getTranslation("meeting.message-sent"));
        messageSent.setId("follow-up-message-sent");
        notes.setLabel(getTranslation("meeting.follow-up-notes"));
        notes.setId("follow-up-notes");
        notes.setMaxLength(SupportRecords.MAX_TEXT);
        notes.setWidthFull();
        VerticalLayout form = new VerticalLayout(new Paragraph(getTranslation("meeting.follow-up.explain")), about, tookPlace, messageSent,
                notes);
        form.setPadding(false);
        return form;
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        if (tookPlace.getValue() == null) {
            tookPlace.setInvalid(true);
            tookPlace.setErrorMessage(getTranslation("error.meeting.took-place.required"));
            return Optional.empty();
        }
        Boolean held = tookPlace.getValue();
        boolean sent = messageSent.getValue();
        String text = notes.getValue();
        UUID meeting = meetingId;
        return Optional.of(new Completion(Map.of(), () -> records.recordFollowUp(meeting, held, sent, text)));
    }
}
