package nl.steunpunt.buddy.ui.intervisie;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;

import nl.steunpunt.buddy.intervisie.IntervisieSession;
import nl.steunpunt.buddy.intervisie.SessionPlan;

/** Day, start and end time and place of a session; the intervisie module checks the rules. */
class SessionForm extends HorizontalLayout {

    private final DatePicker day = new DatePicker();
    private final TimePicker start = new TimePicker();
    private final TimePicker end = new TimePicker();
    private final TextField location = new TextField();
    private final Clock clock;

    SessionForm(Clock clock) {
        this.clock = clock;
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        day.setLabel(getTranslation("intervisie.session.day"));
        day.setId("session-day");
        day.setMin(LocalDate.now(clock));
        start.setLabel(getTranslation("intervisie.session.start"));
        start.setId("session-start");
        start.setStep(Duration.ofMinutes(15));
        start.setValue(LocalTime.of(19, 30));
        end.setLabel(getTranslation("intervisie.session.end"));
        end.setId("session-end");
        end.setStep(Duration.ofMinutes(15));
        end.setValue(LocalTime.of(21, 30));
        location.setLabel(getTranslation("intervisie.session.location"));
        location.setId("session-location");
        location.setMaxLength(200);
        add(day, start, end, location);
    }

    /** Fills the form with a session's times and place, e.g. to move it. */
    void show(IntervisieSession session) {
        ZonedDateTime from = session.startsAt().atZone(clock.getZone());
        day.setValue(from.toLocalDate());
        start.setValue(from.toLocalTime());
        end.setValue(session.endsAt().atZone(clock.getZone()).toLocalTime());
        location.setValue(session.location());
    }

    /** The plan, or empty when a field is missing (that field then says so). */
    Optional<SessionPlan> plan() {
        boolean complete = true;
        for (var field : new com.vaadin.flow.component.AbstractField<?, ?>[] { day, start, end, location }) {
            boolean empty = field.isEmpty() || (field == location && location.getValue().isBlank());
            ((com.vaadin.flow.component.HasValidation) field).setInvalid(empty);
            if (empty) {
                ((com.vaadin.flow.component.HasValidation) field).setErrorMessage(getTranslation("intervisie.session.required"));
                complete = false;
            }
        }
        if (!complete) {
            return Optional.empty();
        }
        return Optional.of(new SessionPlan(day.getValue().atTime(start.getValue()), day.getValue().atTime(end.getValue()),
                location.getValue()));
    }
}
