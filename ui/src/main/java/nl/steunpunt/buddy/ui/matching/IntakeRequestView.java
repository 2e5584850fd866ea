package nl.steunpunt.buddy.ui.matching;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.ui.base.Languages;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.Urgency;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The coordinator's intake of a help request: she talked with the requester, confirms or corrects
 * what matching uses (school level, problem areas, language, urgency, school, place) and notes
 * what she heard. Completing it ranks the candidates.
 */
@Route("taken/intake-hulpvraag")
@RolesAllowed("COORDINATOR")
public class IntakeRequestView extends MatchingTaskScreen {

    private final Select<SchoolLevel> level = new Select<>();
    private final CheckboxGroup<ProblemArea> areas = new CheckboxGroup<>();
    private final ComboBox<String> language = new ComboBox<>();
    private final Select<Urgency> urgency = new Select<>();
    private final TextField school = new TextField();
    private final ComboBox<String> place = new ComboBox<>();
    private final TextArea note = new TextArea();

    public IntakeRequestView(WorkItems workItems, CurrentActor currentActor, Actors actors, HelpRequests requests, Clock clock) {
        super(workItems, currentActor, actors, requests, clock);
    }

    @Override
    protected String formKey() {
        return MatchingProcess.Forms.INTAKE_REQUEST;
    }

    @Override
    protected Component form(WorkItem item) {
        level.setLabel(getTranslation("help-request.school-level"));
        level.setId("intake-level");
        level.setItems(SchoolLevel.values());
        level.setItemLabelGenerator(l -> getTranslation("school-level." + l.name()));
        level.setValue(details.schoolLevel());
        areas.setLabel(getTranslation("help-request.problem-areas"));
        areas.setId("intake-areas");
        areas.setItems(ProblemArea.values());
        areas.setItemLabelGenerator(a -> getTranslation("problem-area." + a.name()));
        areas.setValue(details.problemAreas());
        language.setLabel(getTranslation("help-request.language"));
        language.setId("intake-language");
        language.setItems(Languages.CODES);
        language.setItemLabelGenerator(code -> Languages.name(code, getLocale()));
        language.setValue(details.preferredLanguage());
        urgency.setLabel(getTranslation("help-request.urgency"));
        urgency.setId("intake-urgency");
        urgency.setItems(Urgency.values());
        urgency.setItemLabelGenerator(u -> getTranslation("urgency." + u.name()));
        urgency.setValue(details.urgency());
        school.setLabel(getTranslation("help-request.school"));
        school.setId("intake-school");
        school.setMaxLength(200);
        school.setHelperText(getTranslation("help-request.school.help"));
        school.setValue(details.school().orElse(""));
        place.setLabel(getTranslation("help-request.place"));
        place.setId("intake-place");
        place.setItems(requests.places());
        place.setClearButtonVisible(true);
        details.place().ifPresent(place::setValue);
        note.setLabel(getTranslation("intake.note"));
        note.setId("intake-note");
        note.setMaxLength(4000);
        note.setWidthFull();
        note.setHelperText(getTranslation("intake.note.help"));
        return new VerticalLayout(level, areas, language, urgency, school, place, note);
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        boolean ok = true;
        if (areas.getValue().isEmpty()) {
            areas.setInvalid(true);
            areas.setErrorMessage(getTranslation("error.application.problem-areas.required"));
            ok = false;
        }
        if (note.getValue().isBlank()) {
            note.setInvalid(true);
            note.setErrorMessage(getTranslation("error.intake.note.required"));
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        Set<ProblemArea> chosen = EnumSet.copyOf(areas.getValue());
        var chosenLevel = level.getValue();
        var chosenLanguage = language.getValue();
        var chosenUrgency = urgency.getValue();
        var chosenSchool = school.getValue();
        var chosenPlace = place.getValue();
        var text = note.getValue();
        return Optional.of(new Completion(Map.of(), () -> requests.recordIntake(requestId(item), chosenLevel, chosen, chosenLanguage,
                chosenUrgency, chosenSchool, chosenPlace, text)));
    }
}
