package nl.steunpunt.buddy.ui.intervisie;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.intervisie.Attendance;
import nl.steunpunt.buddy.intervisie.GroupMember;
import nl.steunpunt.buddy.intervisie.Intervisie;
import nl.steunpunt.buddy.intervisie.IntervisieSession;
import nl.steunpunt.buddy.processes.IntervisieProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.support.SignalTheme;
import nl.steunpunt.buddy.support.Signals;
import nl.steunpunt.buddy.workflow.IntervisieCycle;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * After the session the facilitator records who was there (present, absent, excused) and which
 * signal themes came up: codes from the list only, no names and no notes about people.
 */
@Route("taken/intervisie-vastleggen")
@RolesAllowed("FACILITATOR")
public class RecordIntervisieView extends IntervisieTaskScreen {

    private final Signals signals;
    private final Map<ApplicationId, RadioButtonGroup<Attendance>> attendance = new LinkedHashMap<>();
    private final CheckboxGroup<SignalTheme> themes = new CheckboxGroup<>();
    private IntervisieSession session;

    public RecordIntervisieView(WorkItems workItems, CurrentActor currentActor, Actors actors, Intervisie intervisie,
            IntervisieCycle cycle, Signals signals, Clock clock) {
        super(workItems, currentActor, actors, intervisie, cycle, clock);
        this.signals = signals;
    }

    @Override
    protected String formKey() {
        return IntervisieProcess.Forms.RECORD_INTERVISIE;
    }

    @Override
    protected Component form(WorkItem item) {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        UUID sessionId = cycle.sessionOf(item.id()).orElseThrow();
        session = intervisie.session(sessionId);
        Paragraph when = new Paragraph(getTranslation("intervisie.record.session", at(session.startsAt()), session.location()));
        when.setId("record-session");
        form.add(when, new Paragraph(getTranslation("intervisie.record.explain")));
        attendance.clear();
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.setId("record-attendance");
        for (GroupMember member : group.members()) {
            RadioButtonGroup<Attendance> choice = new RadioButtonGroup<>(member.name());
            choice.setId("attendance-" + member.buddy().value());
            choice.setItems(Attendance.values());
            choice.setItemLabelGenerator(a -> getTranslation("intervisie.attendance." + a.name()));
            choice.setValue(Attendance.PRESENT);
            attendance.put(member.buddy(), choice);
            list.add(choice);
        }
        themes.setLabel(getTranslation("intervisie.record.themes"));
        themes.setId("record-themes");
        themes.setItems(signals.themes());
        themes.setItemLabelGenerator(SignalTheme::name);
        themes.setHelperText(getTranslation("intervisie.record.themes.help"));
        form.add(list, themes);
        return form;
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        Map<ApplicationId, Attendance> values = new HashMap<>();
        boolean complete = true;
        for (var entry : attendance.entrySet()) {
            if (entry.getValue().getValue() == null) {
                entry.getValue().setInvalid(true);
                entry.getValue().setErrorMessage(getTranslation("intervisie.session.required"));
                complete = false;
            } else {
                values.put(entry.getKey(), entry.getValue().getValue());
            }
        }
        if (!complete) {
            return Optional.empty();
        }
        Set<String> codes = themes.getValue().stream().map(SignalTheme::code).collect(Collectors.toSet());
        UUID sessionId = session.id();
        return Optional.of(new Completion(Map.of(), () -> intervisie.record(sessionId, values, codes)));
    }
}
