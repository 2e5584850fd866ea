package nl.steunpunt.buddy.ui.intervisie;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.intervisie.GroupMember;
import nl.steunpunt.buddy.intervisie.GroupStatus;
import nl.steunpunt.buddy.intervisie.Intervisie;
import nl.steunpunt.buddy.intervisie.IntervisieGroup;
import nl.steunpunt.buddy.intervisie.IntervisieRules;
import nl.steunpunt.buddy.intervisie.IntervisieSession;
import nl.steunpunt.buddy.intervisie.NewGroup;
import nl.steunpunt.buddy.intervisie.SessionKind;
import nl.steunpunt.buddy.intervisie.SessionStatus;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.base.Notifications;
import nl.steunpunt.buddy.workflow.IntervisieCycle;

/**
 * The facilitator's intervisie planner: the groups of her regions, a new group of certified buddies,
 * and per group its sessions: plan the next one, move or cancel a planned one, close the group.
 * Coordinators of the region read along.
 */
@Route("intervisie")
@RolesAllowed({ "FACILITATOR", "COORDINATOR" })
@Menu(order = 3.5, title = "menu.intervisie")
public class IntervisiePlannerView extends VerticalLayout implements HasDynamicTitle {

    private final Intervisie intervisie;
    private final IntervisieCycle cycle;
    private final Regions regions;
    private final Clock clock;
    private final Select<RegionCode> region = new Select<>();
    private final Grid<IntervisieGroup> groups = new Grid<>();
    private final VerticalLayout create = new VerticalLayout();
    private final VerticalLayout details = new VerticalLayout();
    private final DateTimeFormatter format;

    public IntervisiePlannerView(Intervisie intervisie, IntervisieCycle cycle, Regions regions, Clock clock) {
        this.intervisie = intervisie;
        this.cycle = cycle;
        this.regions = regions;
        this.clock = clock;
        this.format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale());
        setMaxWidth("70em");
        add(new H2(getTranslation("intervisie.title")), new Paragraph(getTranslation("intervisie.explain")));

        List<RegionCode> mine = intervisie.regions();
        region.setLabel(getTranslation("intervisie.region"));
        region.setId("intervisie-region");
        region.setItems(mine);
        region.setItemLabelGenerator(code -> regions.find(code).map(Region::name).orElse(code.value()));

        groups.setId("intervisie-groups");
        groups.addColumn(IntervisieGroup::name).setKey("name").setHeader(getTranslation("intervisie.group.name")).setFlexGrow(1);
        groups.addColumn(g -> getTranslation("intervisie.kind." + g.kind().name())).setKey("kind")
                .setHeader(getTranslation("intervisie.group.kind")).setAutoWidth(true);
        groups.addColumn(g -> g.members().size()).setKey("members").setHeader(getTranslation("intervisie.group.members"))
                .setAutoWidth(true);
        groups.addColumn(g -> getTranslation("intervisie.group.status." + g.status().name())).setKey("status")
                .setHeader(getTranslation("intervisie.group.status")).setAutoWidth(true);
        groups.setAllRowsVisible(true);
        groups.addSelectionListener(e -> showGroup(e.getFirstSelectedItem()));

        create.setId("group-create");
        create.setPadding(false);
        details.setId("group-details");
        details.setPadding(false);
        add(region, groups, create, details);

        region.addValueChangeListener(e -> refresh());
        if (mine.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("intervisie.no-region"));
            none.setId("intervisie-none");
            add(none);
        } else {
            region.setValue(mine.get(0));
        }
    }

    private void refresh() {
        RegionCode code = region.getValue();
        groups.setItems(code == null ? List.of() : intervisie.groups(code));
        create.removeAll();
        details.removeAll();
        if (code != null && intervisie.mayPlan(code)) {
            create.add(createForm(code));
        }
    }

    private VerticalLayout createForm(RegionCode code) {
        IntervisieRules.Applied rules = intervisie.rules(code);
        TextField name = new TextField(getTranslation("intervisie.group.name"));
        name.setId("group-name");
        name.setMaxLength(200);
        name.setWidthFull();
        Select<SessionKind> kind = new Select<>();
        kind.setLabel(getTranslation("intervisie.group.kind"));
        kind.setId("group-kind");
        kind.setItems(SessionKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("intervisie.kind." + k.name()));
        kind.setValue(SessionKind.INTERVISIE);
        CheckboxGroup<GroupMember> members = new CheckboxGroup<>(getTranslation("intervisie.group.members"));
        members.setId("group-members");
        members.setItems(intervisie.candidates(code));
        members.setItemLabelGenerator(GroupMember::name);
        members.setHelperText(getTranslation("intervisie.group.norm", rules.normMinMembers(), rules.normMaxMembers()));
        Button start = new Button(getTranslation("intervisie.group.create"), e -> {
            try {
                intervisie.createGroup(new NewGroup(code, name.getValue(), kind.getValue(),
                        members.getValue().stream().map(GroupMember::buddy).collect(Collectors.toSet())));
                Notifications.success("intervisie.group.created", name.getValue());
                if (rules.outsideNorm(kind.getValue(), members.getValue().size())) {
                    Notifications.success("intervisie.group.outside-norm", rules.normMinMembers(), rules.normMaxMembers());
                }
                refresh();
            } catch (TranslatableException ex) {
                Notifications.error(ex);
            }
        });
        start.setId("create-group");
        VerticalLayout form = new VerticalLayout(new H3(getTranslation("intervisie.group.new")), name, kind, members, start);
        form.setPadding(false);
        return form;
    }

    private void showGroup(Optional<IntervisieGroup> selected) {
        details.removeAll();
        if (selected.isEmpty()) {
            return;
        }
        IntervisieGroup group;
        try {
            group = intervisie.group(selected.get().id());
        } catch (TranslatableException e) {
            Notifications.error(e);
            return;
        }
        H3 title = new H3(getTranslation("intervisie.group.title", group.name(), group.reference()));
        title.setId("group-title");
        Paragraph members = new Paragraph(getTranslation("intervisie.group.member-list",
                group.members().stream().map(GroupMember::name).collect(Collectors.joining(", "))));
        members.setId("group-member-list");
        details.add(title, members);
        IntervisieRules.Applied rules = intervisie.rules(group.region());
        if (rules.outsideNorm(group.kind(), group.members().size())) {
            Paragraph warning = new Paragraph(getTranslation("intervisie.group.outside-norm", rules.normMinMembers(), rules.normMaxMembers()));
            warning.setId("group-norm-warning");
            details.add(warning);
        }

        Grid<IntervisieSession> sessions = new Grid<>();
        sessions.setId("intervisie-sessions");
        sessions.addColumn(s -> at(s.startsAt())).setKey("start").setHeader(getTranslation("intervisie.session.start"));
        sessions.addColumn(s -> at(s.endsAt())).setKey("end").setHeader(getTranslation("intervisie.session.end"));
        sessions.addColumn(IntervisieSession::location).setKey("location").setHeader(getTranslation("intervisie.session.location"));
        sessions.addColumn(s -> getTranslation("intervisie.session.status." + s.status().name())).setKey("status")
                .setHeader(getTranslation("intervisie.session.status"));
        sessions.addColumn(s -> s.status() == SessionStatus.HELD
                ? getTranslation("intervisie.session.present", s.attendance().values().stream()
                        .filter(a -> a == nl.steunpunt.buddy.intervisie.Attendance.PRESENT).count(), s.attendance().size())
                : "").setKey("attendance").setHeader(getTranslation("intervisie.session.attendance"));
        sessions.setAllRowsVisible(true);
        sessions.setItems(intervisie.sessions(group.id()));
        details.add(new H3(getTranslation("intervisie.sessions")), sessions);

        if (!intervisie.mayPlan(group.region()) || group.status() == GroupStatus.CLOSED) {
            return;
        }
        SessionForm form = new SessionForm(clock);
        Button plan = new Button(getTranslation("intervisie.session.plan"), e -> form.plan().ifPresent(p -> act(group, () -> {
            cycle.plan(group.id(), p);
            Notifications.success("intervisie.session.planned");
        })));
        plan.setId("plan-session");
        plan.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button move = new Button(getTranslation("intervisie.session.move"), e -> selectedPlanned(sessions)
                .ifPresent(s -> form.plan().ifPresent(p -> act(group, () -> {
                    cycle.reschedule(s.id(), p);
                    Notifications.success("intervisie.session.moved");
                }))));
        move.setId("move-session");
        Button cancel = new Button(getTranslation("intervisie.session.cancel"), e -> selectedPlanned(sessions)
                .ifPresent(s -> act(group, () -> {
                    cycle.cancel(s.id());
                    Notifications.success("intervisie.session.cancelled");
                })));
        cancel.setId("cancel-session");
        Button close = new Button(getTranslation("intervisie.group.close"), e -> act(group, () -> {
            cycle.close(group.id());
            Notifications.success("intervisie.group.closed", group.name());
        }));
        close.setId("close-group");
        close.addThemeVariants(ButtonVariant.LUMO_ERROR);
        sessions.addSelectionListener(e -> e.getFirstSelectedItem().filter(s -> s.status() == SessionStatus.PLANNED).ifPresent(form::show));
        Paragraph help = new Paragraph(getTranslation("intervisie.session.help", rules.minWeeksBetween(), rules.maxWeeksBetween()));
        details.add(help, form, new HorizontalLayout(plan, move, cancel, close));
    }

    private Optional<IntervisieSession> selectedPlanned(Grid<IntervisieSession> sessions) {
        Optional<IntervisieSession> selected = sessions.getSelectedItems().stream().filter(s -> s.status() == SessionStatus.PLANNED)
                .findFirst();
        if (selected.isEmpty()) {
            Notifications.error(new nl.steunpunt.buddy.shared.InvalidInputException("error.intervisie.select-planned"));
        }
        return selected;
    }

    private void act(IntervisieGroup group, Runnable action) {
        try {
            action.run();
            RegionCode code = region.getValue();
            groups.setItems(intervisie.groups(code));
            groups.getListDataView().getItems().filter(g -> g.id().equals(group.id())).findFirst().ifPresent(groups::select);
        } catch (TranslatableException e) {
            Notifications.error(e);
        }
    }

    private String at(Instant instant) {
        return format.format(instant.atZone(clock.getZone()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("intervisie.title") + " · " + getTranslation("app.name");
    }
}
