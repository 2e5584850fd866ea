package nl.steunpunt.buddy.ui.recruitment;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
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

/** Aanmelding beoordelen: suitable for an intake, or not (with the reason). */
@Route("taken/aanmelding-beoordelen")
@RolesAllowed("COORDINATOR")
public class ScreenApplicationView extends ApplicationTaskScreen {

    /** The form's data. */
    static final class Screening {
        private Boolean suitable;
        private String note = "";

        Boolean getSuitable() { return suitable; }
        void setSuitable(Boolean suitable) { this.suitable = suitable; }
        String getNote() { return note; }
        void setNote(String note) { this.note = note; }
    }

    private Binder<Screening> binder = new Binder<>();
    private final Screening screening = new Screening();

    public ScreenApplicationView(WorkItems workItems, CurrentActor currentActor, Actors actors, Applications applications, Clock clock) {
        super(workItems, currentActor, actors, applications, clock);
    }

    @Override
    protected String formKey() {
        return RecruitmentProcess.Forms.SCREEN_APPLICATION;
    }

    @Override
    protected Component form(WorkItem item) {
        binder = new Binder<>();
        RadioButtonGroup<Boolean> suitable = new RadioButtonGroup<>(getTranslation("screening.suitable"));
        suitable.setId("screening-suitable");
        suitable.setItems(Boolean.TRUE, Boolean.FALSE);
        suitable.setItemLabelGenerator(v -> getTranslation(v ? "screening.suitable.yes" : "screening.suitable.no"));
        TextArea note = new TextArea(getTranslation("screening.note"));
        note.setId("screening-note");
        note.setWidthFull();
        note.setMaxLength(4000);
        note.setHelperText(getTranslation("screening.note.help"));

        binder.forField(suitable).asRequired(getTranslation("screening.suitable.required"))
                .bind(Screening::getSuitable, Screening::setSuitable);
        binder.forField(note)
                .withValidator(text -> !Boolean.FALSE.equals(suitable.getValue()) || !text.isBlank(),
                        getTranslation("error.application.screening-note.required"))
                .bind(Screening::getNote, Screening::setNote);
        binder.setBean(screening);
        suitable.addValueChangeListener(e -> binder.validate());
        return new VerticalLayout(suitable, note);
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        if (!binder.validate().isOk()) {
            return Optional.empty();
        }
        boolean suitable = screening.getSuitable();
        String note = screening.getNote();
        return Optional.of(new Completion(Map.of(RecruitmentProcess.Variables.SUITABLE, suitable),
                () -> applications.recordScreening(applicationId(item), suitable, note)));
    }
}
