package nl.steunpunt.buddy.ui.recruitment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** Kennismakingsgesprek voeren: when it was held and what was said (stored in the recruitment module). */
@Route("taken/kennismakingsgesprek")
@RolesAllowed("COORDINATOR")
public class HoldIntakeView extends ApplicationTaskScreen {

    /** The form's data. */
    static final class Intake {
        private LocalDate heldOn;
        private String notes = "";

        LocalDate getHeldOn() { return heldOn; }
        void setHeldOn(LocalDate heldOn) { this.heldOn = heldOn; }
        String getNotes() { return notes; }
        void setNotes(String notes) { this.notes = notes; }
    }

    private Binder<Intake> binder = new Binder<>();
    private final Intake intake = new Intake();

    public HoldIntakeView(WorkItems workItems, CurrentActor currentActor, Actors actors, Applications applications, Clock clock) {
        super(workItems, currentActor, actors, applications, clock);
    }

    @Override
    protected String formKey() {
        return RecruitmentProcess.Forms.HOLD_INTAKE;
    }

    @Override
    protected Component form(WorkItem item) {
        binder = new Binder<>();
        DatePicker heldOn = new DatePicker(getTranslation("intake.held-on"));
        heldOn.setId("intake-held-on");
        heldOn.setMax(LocalDate.now(clock()));
        TextArea notes = new TextArea(getTranslation("intake.notes"));
        notes.setId("intake-notes");
        notes.setWidthFull();
        notes.setMaxLength(4000);
        binder.forField(heldOn).asRequired(getTranslation("error.application.intake-date.required"))
                .withValidator(date -> !date.isAfter(LocalDate.now(clock())), getTranslation("error.application.intake-date.future"))
                .bind(Intake::getHeldOn, Intake::setHeldOn);
        binder.forField(notes).asRequired(getTranslation("error.application.intake-notes.required"))
                .bind(Intake::getNotes, Intake::setNotes);
        binder.setBean(intake);
        return new VerticalLayout(heldOn, notes);
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        if (!binder.validate().isOk()) {
            return Optional.empty();
        }
        LocalDate heldOn = intake.getHeldOn();
        String notes = intake.getNotes();
        return Optional.of(new Completion(Map.of(),
                () -> applications.recordIntake(applicationId(item), heldOn, notes)));
    }
}
