package nl.steunpunt.buddy.ui.recruitment;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** Kennismakingsgesprek plannen: when and where; the applicant gets an invitation by mail. */
@Route("taken/kennismaking-plannen")
@RolesAllowed("COORDINATOR")
public class ScheduleIntakeView extends ApplicationTaskScreen {

    /** The form's data. */
    static final class Planning {
        private LocalDateTime at;
        private String place = "";

        LocalDateTime getAt() { return at; }
        void setAt(LocalDateTime at) { this.at = at; }
        String getPlace() { return place; }
        void setPlace(String place) { this.place = place; }
    }

    private Binder<Planning> binder = new Binder<>();
    private final Planning planning = new Planning();

    public ScheduleIntakeView(WorkItems workItems, CurrentActor currentActor, Actors actors, Applications applications, Clock clock) {
        super(workItems, currentActor, actors, applications, clock);
    }

    @Override
    protected String formKey() {
        return RecruitmentProcess.Forms.SCHEDULE_INTAKE;
    }

    @Override
    protected Component form(WorkItem item) {
        binder = new Binder<>();
        DateTimePicker at = new DateTimePicker(getTranslation("intake.planned-at"));
        at.setId("intake-planned-at");
        at.setMin(LocalDateTime.now(clock()));
        at.setStep(java.time.Duration.ofMinutes(15));
        TextField place = new TextField(getTranslation("intake.place"));
        place.setId("intake-place");
        place.setMaxLength(300);
        place.setWidthFull();
        place.setHelperText(getTranslation("intake.place.help"));
        binder.forField(at).asRequired(getTranslation("error.application.intake-planned.required"))
                .withValidator(v -> v.isAfter(LocalDateTime.now(clock())), getTranslation("error.application.intake-planned.past"))
                .bind(Planning::getAt, Planning::setAt);
        binder.forField(place).asRequired(getTranslation("error.application.intake-place.required"))
                .bind(Planning::getPlace, Planning::setPlace);
        binder.setBean(planning);
        return new VerticalLayout(at, place);
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        if (!binder.validate().isOk()) {
            return Optional.empty();
        }
        LocalDateTime at = planning.getAt();
        String place = planning.getPlace();
        return Optional.of(new Completion(Map.of(), () -> applications.scheduleIntake(applicationId(item), at, place)));
    }
}
