package nl.steunpunt.buddy.ui.training;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.UUID;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.training.Participant;
import nl.steunpunt.buddy.training.Training;
import nl.steunpunt.buddy.ui.base.Labels;
import nl.steunpunt.buddy.training.TrainingSession;
import nl.steunpunt.buddy.ui.base.Notifications;

/** One session: its participants, attendance in one grid (one click per trainee), adding a trainee. */
@Route("scholing/sessie")
@RolesAllowed({ "TRAINER", "COORDINATOR" })
public class SessionView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final Training training;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final Grid<Participant> grid = new Grid<>();
    private TrainingSession session;

    public SessionView(Training training, CurrentActor currentActor, Clock clock) {
        this.training = training;
        this.currentActor = currentActor;
        this.clock = clock;
        setSizeFull();
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        removeAll();
        try {
            session = training.session(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            add(problem(getTranslation("error.session.not-found")));
            return;
        } catch (TranslatableException e) {
            add(problem(getTranslation(e.messageKey(), e.arguments())));
            return;
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        add(new H2(getTranslation("session.title", format.format(session.startsAt().atZone(clock.getZone())), session.location())));
        add(new Paragraph(getTranslation("session.modules",
                session.moduleCodes().stream().map(code -> Labels.of(this, "module." + code, code)).collect(Collectors.joining(", ")))));

        grid.removeAllColumns();
        grid.setId("attendance-grid");
        grid.addColumn(Participant::name).setKey("name").setHeader(getTranslation("session.participant")).setFlexGrow(1);
        grid.addColumn(p -> p.present().map(v -> getTranslation(v ? "session.present" : "session.absent"))
                .orElse(getTranslation("session.unknown"))).setKey("attendance").setHeader(getTranslation("session.attendance")).setAutoWidth(true);
        boolean trainer = currentActor.require().hasRoleIn(Role.TRAINER, session.region());
        if (trainer) {
            grid.addComponentColumn(this::attendanceButtons).setKey("record").setHeader("").setAutoWidth(true);
        }
        add(grid, addParticipant());
        refresh();
    }

    private Component attendanceButtons(Participant participant) {
        Button present = new Button(getTranslation("session.mark-present"), e -> record(participant, true));
        present.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        Button absent = new Button(getTranslation("session.mark-absent"), e -> record(participant, false));
        absent.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(present, absent);
    }

    void record(Participant participant, boolean present) {
        try {
            training.recordAttendance(session.id(), participant.trainee(), present);
            refresh();
        } catch (TranslatableException e) {
            Notifications.error(e);
        }
    }

    private Component addParticipant() {
        ComboBox<Participant> candidate = new ComboBox<>(getTranslation("session.add"));
        candidate.setId("session-candidate");
        candidate.setItems(training.candidates(session.id()));
        candidate.setItemLabelGenerator(Participant::name);
        Button add = new Button(getTranslation("session.add.action"), e -> {
            if (candidate.getValue() == null) {
                return;
            }
            try {
                training.addParticipant(session.id(), candidate.getValue().trainee());
                candidate.setItems(training.candidates(session.id()));
                refresh();
            } catch (TranslatableException ex) {
                Notifications.error(ex);
            }
        });
        add.setId("session-add");
        HorizontalLayout bar = new HorizontalLayout(candidate, add);
        bar.setAlignItems(Alignment.BASELINE);
        return bar;
    }

    private void refresh() {
        grid.setItems(training.participants(session.id()));
    }

    private Paragraph problem(String text) {
        Paragraph problem = new Paragraph(text);
        problem.setId("session-problem");
        return problem;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sessions.title") + " · " + getTranslation("app.name");
    }
}
