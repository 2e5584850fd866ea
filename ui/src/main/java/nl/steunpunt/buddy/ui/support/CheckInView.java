package nl.steunpunt.buddy.ui.support;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.processes.SupportProcess;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.support.HowItGoes;
import nl.steunpunt.buddy.support.NewCheckIn;
import nl.steunpunt.buddy.support.SupportRecords;
import nl.steunpunt.buddy.workflow.SupportActions;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** The coordinator checks in with the buddy: when, how it goes, notes and any follow-up. */
@Route("taken/check-in")
@RolesAllowed("COORDINATOR")
public class CheckInView extends SupportTaskScreen {

    private final DatePicker heldOn = new DatePicker();
    private final RadioButtonGroup<HowItGoes> going = new RadioButtonGroup<>();
    private final TextArea notes = new TextArea();
    private final TextArea followUp = new TextArea();

    public CheckInView(WorkItems workItems, CurrentActor currentActor, Actors actors, SupportRecords records, SupportActions support,
            Clock clock) {
        super(workItems, currentActor, actors, records, support, clock);
    }

    @Override
    protected String formKey() {
        return SupportProcess.Forms.CHECK_IN;
    }

    @Override
    protected Component form(WorkItem item) {
        heldOn.setLabel(getTranslation("check-in.held-on"));
        heldOn.setId("check-in-date");
        heldOn.setMax(LocalDate.now(clock()));
        heldOn.setValue(LocalDate.now(clock()));
        going.setLabel(getTranslation("check-in.going"));
        going.setId("check-in-going");
        going.setItems(Arrays.asList(HowItGoes.values()));
        going.setItemLabelGenerator(g -> getTranslation("check-in.going." + g.name()));
        notes.setLabel(getTranslation("check-in.notes"));
        notes.setId("check-in-notes");
        notes.setMaxLength(SupportRecords.MAX_TEXT);
        notes.setWidthFull();
        followUp.setLabel(getTranslation("check-in.follow-up"));
        followUp.setId("check-in-follow-up");
        followUp.setMaxLength(SupportRecords.MAX_TEXT);
        followUp.setWidthFull();
        VerticalLayout form = new VerticalLayout(heldOn, going, notes, followUp);
        form.setPadding(false);
        return form;
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        if (heldOn.getValue() == null || heldOn.isInvalid()) {
            heldOn.setInvalid(true);
            heldOn.setErrorMessage(getTranslation("error.check-in.date.required"));
            return Optional.empty();
        }
        if (going.getValue() == null) {
            going.setInvalid(true);
            going.setErrorMessage(getTranslation("error.check-in.going.required"));
            return Optional.empty();
        }
        UUID match = matchId(item);
        NewCheckIn checkIn = new NewCheckIn(heldOn.getValue(), going.getValue(), notes.getValue(), followUp.getValue());
        return Optional.of(new Completion(Map.of(), () -> records.recordCheckIn(match, checkIn)));
    }
}
