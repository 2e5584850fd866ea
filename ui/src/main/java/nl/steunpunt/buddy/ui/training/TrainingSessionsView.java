package nl.steunpunt.buddy.ui.training;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.training.CatalogueItem;
import nl.steunpunt.buddy.training.NewSession;
import nl.steunpunt.buddy.training.Training;
import nl.steunpunt.buddy.ui.base.Labels;
import nl.steunpunt.buddy.training.TrainingSession;
import nl.steunpunt.buddy.ui.base.Notifications;

/** Training sessions of my regions; a trainer schedules new ones here. */
@Route("scholing/sessies")
@RolesAllowed({ "TRAINER", "COORDINATOR" })
@Menu(order = 3, title = "menu.sessions")
public class TrainingSessionsView extends VerticalLayout implements HasDynamicTitle {

    private final Training training;
    private final Clock clock;
    private final Grid<TrainingSession> grid = new Grid<>();

    public TrainingSessionsView(Training training, CurrentActor currentActor, Clock clock) {
        this.training = training;
        this.clock = clock;
        Actor actor = currentActor.require();
        setSizeFull();
        add(new H2(getTranslation("sessions.title")));

        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        grid.setId("sessions-grid");
        grid.addColumn(s -> format.format(s.startsAt().atZone(clock.getZone()))).setKey("starts").setHeader(getTranslation("sessions.starts")).setAutoWidth(true);
        grid.addColumn(TrainingSession::location).setKey("location").setHeader(getTranslation("sessions.location")).setFlexGrow(1);
        grid.addColumn(s -> s.moduleCodes().stream().map(code -> Labels.of(this, "module." + code, code)).collect(Collectors.joining(", ")))
                .setKey("modules").setHeader(getTranslation("sessions.modules")).setFlexGrow(2);
        grid.addColumn(s -> s.participants() + " / " + s.capacity()).setKey("seats").setHeader(getTranslation("sessions.seats")).setAutoWidth(true);
        grid.addItemClickListener(e -> UI.getCurrent().navigate(SessionView.class, e.getItem().id().toString()));
        add(grid);

        if (actor.hasRole(Role.TRAINER)) {
            add(scheduleForm(actor));
        }
        refresh();
    }

    private VerticalLayout scheduleForm(Actor actor) {
        Select<RegionCode> region = new Select<>();
        region.setLabel(getTranslation("sessions.region"));
        region.setId("session-region");
        Set<RegionCode> mine = actor.regions().stream().filter(r -> actor.hasRoleIn(Role.TRAINER, r)).collect(Collectors.toSet());
        region.setItems(mine);
        mine.stream().findFirst().ifPresent(region::setValue);
        DateTimePicker starts = new DateTimePicker(getTranslation("sessions.starts"));
        starts.setId("session-starts");
        starts.setStep(Duration.ofMinutes(15));
        DateTimePicker ends = new DateTimePicker(getTranslation("sessions.ends"));
        ends.setId("session-ends");
        ends.setStep(Duration.ofMinutes(15));
        TextField location = new TextField(getTranslation("sessions.location"));
        location.setId("session-location");
        location.setMaxLength(300);
        IntegerField capacity = new IntegerField(getTranslation("sessions.capacity"));
        capacity.setId("session-capacity");
        capacity.setMin(1);
        capacity.setMax(50);
        capacity.setValue(12);
        CheckboxGroup<CatalogueItem> modules = new CheckboxGroup<>(getTranslation("sessions.modules"));
        modules.setId("session-modules");
        modules.setItems(training.modules());
        modules.setItemLabelGenerator(m -> Labels.of(this, "module." + m.code(), m.name()));
        Button schedule = new Button(getTranslation("sessions.schedule"), e -> {
            try {
                training.scheduleSession(new NewSession(region.getValue(), starts.getValue(), ends.getValue(), location.getValue(),
                        capacity.getValue() == null ? 0 : capacity.getValue(),
                        modules.getValue().stream().map(CatalogueItem::code).collect(Collectors.toSet())));
                Notifications.success("sessions.scheduled");
                refresh();
            } catch (TranslatableException ex) {
                Notifications.error(ex);
            }
        });
        schedule.setId("session-schedule");
        schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout form = new VerticalLayout(new H3(getTranslation("sessions.new")),
                new FormLayout(region, starts, ends, location, capacity), modules, schedule);
        form.setPadding(false);
        return form;
    }

    private void refresh() {
        grid.setItems(training.sessions(clock.instant().minus(Duration.ofDays(30))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sessions.title") + " · " + getTranslation("app.name");
    }
}
