package nl.steunpunt.buddy.ui.support;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.Consumer;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;

import nl.steunpunt.buddy.support.MeetingPlan;
import nl.steunpunt.buddy.support.SchoolMeeting;
import nl.steunpunt.buddy.support.SupportRecords;

/** Plans a school meeting or moves one: the day, from and until, the school, purpose and who attend. */
public class MeetingForm extends Composite<VerticalLayout> {

    private final DatePicker on = new DatePicker();
    private final TimePicker from = new TimePicker();
    private final TimePicker until = new TimePicker();
    private final TextField school = new TextField();
    private final TextArea purpose = new TextArea();
    private final Button save = new Button();

    public MeetingForm(String titleKey, Clock clock, Consumer<MeetingPlan> onSave) {
        VerticalLayout root = getContent();
        root.setPadding(false);
        root.setId("meeting-form");
        on.setLabel(getTranslation("meeting.on"));
        on.setId("meeting-date");
        on.setMin(LocalDate.now(clock));
        on.setLocale(getLocale());
        from.setLabel(getTranslation("meeting.from"));
        from.setId("meeting-from");
        until.setLabel(getTranslation("meeting.until"));
        until.setId("meeting-until");
        school.setLabel(getTranslation("meeting.school"));
        school.setId("meeting-school");
        school.setMaxLength(SupportRecords.MAX_SCHOOL);
        purpose.setLabel(getTranslation("meeting.purpose"));
        purpose.setHelperText(getTranslation("meeting.purpose.help"));
        purpose.setId("meeting-purpose");
        purpose.setMaxLength(SupportRecords.MAX_PURPOSE);
        purpose.setWidthFull();
        save.setText(getTranslation("meeting.save"));
        save.setId("meeting-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> onSave.accept(new MeetingPlan(on.getValue(), from.getValue(), until.getValue(), school.getValue(),
                purpose.getValue())));
        HorizontalLayout when = new HorizontalLayout(on, from, until);
        when.setAlignItems(FlexComponent.Alignment.BASELINE);
        root.add(new H3(getTranslation(titleKey)), when, school, purpose, save);
    }

    /** Fills the form with a meeting to move. */
    public void load(SchoolMeeting meeting, java.time.ZoneId zone) {
        on.setValue(LocalDate.ofInstant(meeting.startsAt(), zone));
        from.setValue(LocalTime.ofInstant(meeting.startsAt(), zone));
        until.setValue(LocalTime.ofInstant(meeting.endsAt(), zone));
        school.setValue(meeting.school());
        purpose.setValue(meeting.purpose().orElse(""));
    }
}
