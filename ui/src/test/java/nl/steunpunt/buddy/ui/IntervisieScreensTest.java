package nl.steunpunt.buddy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;

import nl.steunpunt.buddy.intervisie.Attendance;
import nl.steunpunt.buddy.intervisie.GroupMember;
import nl.steunpunt.buddy.intervisie.GroupStatus;
import nl.steunpunt.buddy.intervisie.Intervisie;
import nl.steunpunt.buddy.intervisie.IntervisieGroup;
import nl.steunpunt.buddy.intervisie.IntervisieSession;
import nl.steunpunt.buddy.intervisie.SessionKind;
import nl.steunpunt.buddy.intervisie.SessionPlan;
import nl.steunpunt.buddy.intervisie.SessionStatus;
import nl.steunpunt.buddy.processes.IntervisieProcess;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.support.Quarter;
import nl.steunpunt.buddy.support.SignalCount;
import nl.steunpunt.buddy.support.SignalReport;
import nl.steunpunt.buddy.support.Signals;
import nl.steunpunt.buddy.support.SignalTheme;
import nl.steunpunt.buddy.ui.intervisie.IntervisieCheckInView;
import nl.steunpunt.buddy.ui.intervisie.IntervisiePlannerView;
import nl.steunpunt.buddy.ui.intervisie.MyIntervisieView;
import nl.steunpunt.buddy.ui.intervisie.PlanIntervisieView;
import nl.steunpunt.buddy.ui.intervisie.RecordIntervisieView;
import nl.steunpunt.buddy.ui.support.SignalsView;
import nl.steunpunt.buddy.workflow.IntervisieCycle;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The intervisie screens: the facilitator's planner, the plan and record task screens, the
 * coordinator's check-in, the buddy's own sessions, who is refused what, and intervisie themes in
 * the signalen report with small counts suppressed.
 */
class IntervisieScreensTest extends KaribuTest {

    @Autowired IntervisieWorld intervisieWorld;
    @Autowired MatchingWorld matching;
    @Autowired Intervisie intervisie;
    @Autowired IntervisieCycle cycle;
    @Autowired WorkItems workItems;
    @Autowired JdbcClient db;
    @Autowired TestClock clock;
    @Autowired Signals signals;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_facilitator_starts_a_group_and_plans_moves_cancels_and_closes_in_the_planner() {
        IntervisieWorld.Scene scene = intervisieWorld.scene();
        String name = "Plannergroep " + UUID.randomUUID().toString().substring(0, 6);
        openAppAs(scene.facilitator());
        UI.getCurrent().navigate(IntervisiePlannerView.class);
        assertThat(selectedRegion()).isEqualTo(scene.region().region());

        _setValue(_get(TextField.class, spec -> spec.withId("group-name")), name);
        @SuppressWarnings("unchecked")
        CheckboxGroup<GroupMember> members = _get(CheckboxGroup.class, spec -> spec.withId("group-members"));
        assertThat(members.getListDataView().getItems().map(GroupMember::buddy).toList())
                .contains(scene.anna().id(), scene.bea().id(), scene.cor().id());
        _setValue(members, Set.copyOf(members.getListDataView().getItems().filter(m -> scene.buddies().stream()
                .anyMatch(b -> b.id().equals(m.buddy()))).toList()));
        _click(_get(Button.class, spec -> spec.withId("create-group")));
        assertThat(notifications()).anyMatch(text -> text.contains(name)).anyMatch(text -> text.contains("8 tot 12"));

        IntervisieGroup group = groups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
        await().until(() -> cycle.awaitsPlan(group.id()));
        groupsGrid().select(group);
        assertThat(_get(Paragraph.class, spec -> spec.withId("group-norm-warning")).getText()).contains("8 tot 12");

        LocalDate day = LocalDate.now(clock).plusDays(10);
        fillSession(day, "Buurthuis De Linde");
        _click(_get(Button.class, spec -> spec.withId("plan-session")));
        IntervisieSession planned = sessions(group).get(0);
        assertThat(planned.status()).isEqualTo(SessionStatus.PLANNED);
        assertThat(planned.location()).isEqualTo("Buurthuis De Linde");
        assertThat(GridKt._size(sessionsGrid())).isEqualTo(1);

        sessionsGrid().select(GridKt._get(sessionsGrid(), 0));
        _setValue(_get(DatePicker.class, spec -> spec.withId("session-day")), day.plusDays(2));
        _click(_get(Button.class, spec -> spec.withId("move-session")));
        assertThat(sessions(group).get(0).startsAt()).isEqualTo(day.plusDays(2).atTime(19, 0).atZone(clock.getZone()).toInstant());

        sessionsGrid().select(GridKt._get(sessionsGrid(), 0));
        _click(_get(Button.class, spec -> spec.withId("cancel-session")));
        assertThat(sessions(group).get(0).status()).isEqualTo(SessionStatus.CANCELLED);
        await().until(() -> cycle.awaitsPlan(group.id()));

        _click(_get(Button.class, spec -> spec.withId("close-group")));
        assertThat(world.as(scene.facilitator(), () -> intervisie.group(group.id())).status()).isEqualTo(GroupStatus.CLOSED);
        _assertNone(Button.class, spec -> spec.withId("plan-session"));
    }

    @Test
    void a_buddy_is_refused_the_planner_a_coordinator_only_reads_and_a_facilitator_of_another_region_sees_nothing_of_it() {
        IntervisieWorld.Scene scene = intervisieWorld.scene();
        UUID group = intervisieWorld.group(scene, "Leesgroep", SessionKind.EXCHANGE);
        WorkItem plan = intervisieWorld.awaitTask(scene.facilitator(), group, IntervisieProcess.TASK_PLAN_SESSION);

        openAppAs(scene.anna().username());
        UI.getCurrent().navigate(IntervisiePlannerView.class);
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(IntervisiePlannerView.class);
        assertThatThrownBy(() -> world.as(scene.anna().username(), () -> intervisie.groups(scene.region().region())))
                .isInstanceOf(AccessDeniedException.class);
        closeApp();

        openAppAs(scene.coordinator());
        UI.getCurrent().navigate(IntervisiePlannerView.class);
        assertThat(groups()).extracting(IntervisieGroup::id).contains(group);
        _assertNone(Button.class, spec -> spec.withId("create-group"));
        groupsGrid().select(groups().stream().filter(g -> g.id().equals(group)).findFirst().orElseThrow());
        _assertNone(Button.class, spec -> spec.withId("plan-session"));
        UI.getCurrent().navigate(PlanIntervisieView.class, plan.id());
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(PlanIntervisieView.class);
        closeApp();

        String other = intervisieWorld.otherFacilitator();
        openAppAs(other);
        UI.getCurrent().navigate(IntervisiePlannerView.class);
        @SuppressWarnings("unchecked")
        Select<RegionCode> region = _get(Select.class, spec -> spec.withId("intervisie-region"));
        assertThat(region.getListDataView().getItems().toList()).doesNotContain(scene.region().region()).hasSize(1);
        assertThat(groups()).extracting(IntervisieGroup::id).doesNotContain(group);
        assertThatThrownBy(() -> world.as(other, () -> intervisie.group(group))).isInstanceOf(AccessDeniedException.class);
        UI.getCurrent().navigate(PlanIntervisieView.class, plan.id());
        assertThat(_get(Paragraph.class, spec -> spec.withId("task-problem")).getText()).contains("regio");
    }

    @Test
    void the_facilitator_plans_and_records_on_her_task_screens_and_the_coordinator_checks_in_with_who_missed_twice() {
        IntervisieWorld.Scene scene = intervisieWorld.scene();
        UUID group = intervisieWorld.group(scene, "Takengroep", SessionKind.INTERVISIE);
        WorkItem plan = intervisieWorld.awaitTask(scene.facilitator(), group, IntervisieProcess.TASK_PLAN_SESSION);

        openAppAs(scene.facilitator());
        UI.getCurrent().navigate(PlanIntervisieView.class, plan.id());
        LocalDate day = LocalDate.now(clock).plusDays(5);
        fillSession(day, "Steunpunt, zaal 3");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        IntervisieSession first = world.as(scene.facilitator(), () -> intervisie.sessions(group)).get(0);
        assertThat(first.status()).isEqualTo(SessionStatus.PLANNED);
        assertThat(first.location()).isEqualTo("Steunpunt, zaal 3");

        WorkItem record = intervisieWorld.pass(scene, group, first.id());
        UI.getCurrent().navigate(RecordIntervisieView.class, record.id());
        attendance(scene.anna(), Attendance.ABSENT);
        attendance(scene.cor(), Attendance.EXCUSED);
        @SuppressWarnings("unchecked")
        CheckboxGroup<SignalTheme> themes = _get(CheckboxGroup.class, spec -> spec.withId("record-themes"));
        _setValue(themes, Set.of(themes.getListDataView().getItems().filter(t -> t.code().equals("OPP")).findFirst().orElseThrow()));
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        IntervisieSession held = world.as(scene.facilitator(), () -> intervisie.session(first.id()));
        assertThat(held.status()).isEqualTo(SessionStatus.HELD);
        assertThat(held.attendance()).isEqualTo(Map.of(scene.anna().id(), Attendance.ABSENT, scene.bea().id(), Attendance.PRESENT,
                scene.cor().id(), Attendance.EXCUSED));
        assertThat(held.themeCodes()).containsExactly("OPP");

        // The next session, Anna absent again: the coordinator's check-in lists her, and only her.
        intervisieWorld.awaitTask(scene.facilitator(), group, IntervisieProcess.TASK_PLAN_SESSION);
        LocalDateTime next = LocalDateTime.ofInstant(held.startsAt(), clock.getZone()).plusWeeks(7);
        UUID second = world.as(scene.facilitator(), () -> cycle.plan(group, new SessionPlan(next, next.plusHours(2), "Zaal 3")));
        WorkItem record2 = intervisieWorld.pass(scene, group, second);
        world.as(scene.facilitator(), () -> {
            workItems.complete(record2.id(), Map.of(), () -> intervisie.record(second, Map.of(scene.anna().id(), Attendance.ABSENT,
                    scene.bea().id(), Attendance.PRESENT, scene.cor().id(), Attendance.ABSENT), Set.of()));
            return null;
        });
        WorkItem checkIn = intervisieWorld.awaitTask(scene.coordinator(), group, IntervisieProcess.TASK_CHECK_IN_AFTER_MISSED);

        UI.getCurrent().navigate(IntervisieCheckInView.class, checkIn.id());
        assertThat(UI.getCurrent().getCurrentView()).as("the check-in is the coordinator's").isNotInstanceOf(IntervisieCheckInView.class);
        closeApp();

        openAppAs(scene.coordinator());
        UI.getCurrent().navigate(IntervisieCheckInView.class, checkIn.id());
        assertThat(_find(TextArea.class, spec -> spec.withId("check-in-" + scene.anna().id().value()))).hasSize(1);
        assertThat(_find(TextArea.class, spec -> spec.withId("check-in-" + scene.cor().id().value()))).isEmpty();
        assertThat(_get(TextArea.class, spec -> spec.withId("check-in-" + scene.anna().id().value())).getLabel()).contains("Anna");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(world.as(scene.coordinator(), () -> workItems.get(checkIn.id()))).as("no note, not completed").isPresent();
        _setValue(_get(TextArea.class, spec -> spec.withId("check-in-" + scene.anna().id().value())), "Gebeld; ze komt in maart weer.");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(world.as(scene.coordinator(), () -> workItems.get(checkIn.id()))).isEmpty();
        assertThat(world.as(scene.coordinator(), () -> intervisie.checkIns(second)))
                .containsExactly(Map.entry(scene.anna().id(), "Gebeld; ze komt in maart weer."));
    }

    @Test
    void a_buddy_sees_her_own_upcoming_sessions_and_a_buddy_without_a_group_none() {
        IntervisieWorld.Scene scene = intervisieWorld.scene();
        UUID group = intervisieWorld.group(scene, "Uitwisseling winter", SessionKind.EXCHANGE);
        LocalDateTime day = intervisieWorld.evening(12);
        world.as(scene.facilitator(), () -> cycle.plan(group, new SessionPlan(day, day.plusHours(2), "Bibliotheek Oost")));

        openAppAs(scene.cor().username());
        UI.getCurrent().navigate(MyIntervisieView.class);
        @SuppressWarnings("unchecked")
        Grid<nl.steunpunt.buddy.intervisie.UpcomingSession> grid = _get(Grid.class, spec -> spec.withId("my-intervisie"));
        assertThat(IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i)).toList())
                .anySatisfy(row -> assertThat(row).contains("Bibliotheek Oost", "Uitwisseling winter (Uitwisseling)"));
        closeApp();

        openAppAs(TestWorld.BUDDY_A);
        UI.getCurrent().navigate(MyIntervisieView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("my-intervisie-none")).getText()).isNotBlank();
        closeApp();

        openAppAs(scene.facilitator());
        UI.getCurrent().navigate(MyIntervisieView.class);
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(MyIntervisieView.class);
    }

    @Test
    void signalen_counts_the_themes_of_held_intervisie_sessions_and_shows_small_counts_and_their_totals_as_less_than_five() {
        MatchingWorld.Scene scene = matching.scene();
        UUID group = UUID.randomUUID();
        db.sql("INSERT INTO intervisie_group (id, reference, region_code, name, kind, status, created_by, created_at) "
                + "VALUES (?, ?, ?, 'Signaalgroep', 'INTERVISIE', 'ACTIVE', 'test', now())")
                .params(group, "IV-T-" + group.toString().substring(0, 8), scene.region().value()).update();
        Instant today = LocalDate.now(clock).atTime(LocalTime.of(10, 0)).atZone(clock.getZone()).toInstant();
        // Thuiszitten in six held sessions, vervoer in two, opp in a cancelled one only.
        for (int i = 0; i < 6; i++) {
            session(group, today.minusSeconds(i), "HELD", i < 2 ? List.of("THUISZITTEN", "VERVOER") : List.of("THUISZITTEN"));
        }
        session(group, today.minusSeconds(60), "CANCELLED", List.of("OPP"));

        openAppAs(scene.coordinator());
        UI.getCurrent().navigate(SignalsView.class);
        @SuppressWarnings("unchecked")
        Grid<SignalCount> grid = _get(Grid.class, spec -> spec.withId("signals-grid"));
        assertThat(grid.getColumnByKey("source-intervisie").getHeaderText()).isEqualTo("Intervisie");
        // No contact logs in this region: their "< 5" keeps the total back, so 6 cannot be read from it.
        assertThat(formatted(grid, "THUISZITTEN")).containsExactly("Thuiszitten en verzuim", "< 5", "< 5", "6", "< 5");
        assertThat(formatted(grid, "VERVOER")).containsExactly("Leerlingenvervoer", "< 5", "< 5", "< 5", "< 5");
        assertThat(formatted(grid, "OPP").get(3)).isEqualTo("< 5");
        String csv = new String(Signals.csv(world.as(scene.coordinator(),
                () -> signalsReport(scene.region()))), StandardCharsets.UTF_8);
        assertThat(csv).contains(";intervisie;totaal", ";THUISZITTEN;Thuiszitten en verzuim;< 5;< 5;6;< 5")
                .contains(";VERVOER;Leerlingenvervoer;< 5;< 5;< 5;< 5").doesNotContain(";2;", ";1;");
    }

    private SignalReport signalsReport(RegionCode region) {
        return signals.report(region, Quarter.of(LocalDate.now(clock)));
    }

    private void session(UUID group, Instant start, String status, List<String> themes) {
        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO intervisie_session (id, group_id, starts_at, ends_at, location, status, planned_by, planned_at) "
                + "VALUES (?, ?, ?, ?, 'Zaal', ?, 'test', now())")
                .params(id, group, Timestamp.from(start), Timestamp.from(start.plusSeconds(7200)), status).update();
        themes.forEach(t -> db.sql("INSERT INTO intervisie_theme (session_id, theme_code) VALUES (?, ?)").params(id, t).update());
    }

    private void attendance(MatchingWorld.Buddy buddy, Attendance value) {
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Attendance> choice = _get(RadioButtonGroup.class, spec -> spec.withId("attendance-" + buddy.id().value()));
        _setValue(choice, value);
    }

    private void fillSession(LocalDate day, String location) {
        _setValue(_get(DatePicker.class, spec -> spec.withId("session-day")), day);
        _setValue(_get(TimePicker.class, spec -> spec.withId("session-start")), LocalTime.of(19, 0));
        _setValue(_get(TimePicker.class, spec -> spec.withId("session-end")), LocalTime.of(21, 0));
        _setValue(_get(TextField.class, spec -> spec.withId("session-location")), location);
    }

    private RegionCode selectedRegion() {
        @SuppressWarnings("unchecked")
        Select<RegionCode> region = _get(Select.class, spec -> spec.withId("intervisie-region"));
        return region.getValue();
    }

    @SuppressWarnings("unchecked")
    private Grid<IntervisieGroup> groupsGrid() {
        return _get(Grid.class, spec -> spec.withId("intervisie-groups"));
    }

    private List<IntervisieGroup> groups() {
        Grid<IntervisieGroup> grid = groupsGrid();
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
    }

    @SuppressWarnings("unchecked")
    private Grid<IntervisieSession> sessionsGrid() {
        return _get(Grid.class, spec -> spec.withId("intervisie-sessions"));
    }

    private List<IntervisieSession> sessions(IntervisieGroup group) {
        return world.as(intervisieWorld.scene().facilitator(), () -> intervisie.sessions(group.id()));
    }

    private static List<String> notifications() {
        return NotificationsKt.getNotifications().stream().map((Notification n) -> n.getElement().getProperty("text")).toList();
    }

    private static List<String> formatted(Grid<SignalCount> grid, String code) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).themeCode().equals(code)) {
                return GridKt._getFormattedRow(grid, i);
            }
        }
        throw new AssertionError("no row for " + code);
    }
}
