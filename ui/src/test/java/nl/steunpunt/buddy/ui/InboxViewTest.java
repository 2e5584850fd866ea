package nl.steunpunt.buddy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static nl.steunpunt.buddy.ui.TestWorld.COLLEAGUE_A;
import static nl.steunpunt.buddy.ui.TestWorld.COORDINATOR_A;
import static nl.steunpunt.buddy.ui.TestWorld.COORDINATOR_B;
import static nl.steunpunt.buddy.ui.TestWorld.REGION_A;
import static nl.steunpunt.buddy.ui.TestWorld.REGION_B;
import static nl.steunpunt.buddy.ui.TestWorld.TRAINER_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.ApplicationStatus;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.ui.base.HomeView;
import nl.steunpunt.buddy.ui.security.LocalAccounts;
import nl.steunpunt.buddy.ui.base.BuddyI18NProvider;
import nl.steunpunt.buddy.ui.inbox.InboxView;
import nl.steunpunt.buddy.ui.recruitment.DecisionView;
import nl.steunpunt.buddy.ui.recruitment.ScreenApplicationView;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

class InboxViewTest extends KaribuTest {

    @Autowired WorkItems workItems;
    @Autowired Applications applications;
    @Autowired LocalAccounts accounts;
    @Autowired Regions regions;
    @Autowired RepositoryService repositoryService;
    @Autowired JdbcClient db;

    @Test
    void coordinator_of_region_a_sees_the_tasks_of_a_and_never_those_of_b() {
        ApplicationId inA = world.apply(REGION_A);
        ApplicationId inB = world.apply(REGION_B);
        WorkItem taskA = world.awaitTask(COORDINATOR_A, inA);
        WorkItem taskB = world.awaitTask(COORDINATOR_B, inB);

        openAppAs(COORDINATOR_A);
        UI.getCurrent().navigate(InboxView.class);

        List<WorkItem> rows = rows();
        assertThat(rows).extracting(WorkItem::id).contains(taskA.id()).doesNotContain(taskB.id());
        assertThat(rows).allSatisfy(item -> assertThat(item.region()).isEqualTo(REGION_A));
        assertThat(GridKt._getFormattedRow(inboxGrid(), indexOf(taskA))).contains("Aanmelding beoordelen", taskA.caseReference(), "Testregio A");
    }

    @Test
    void claiming_from_the_inbox_makes_the_task_mine() {
        WorkItem task = newTaskInTheInboxOfCoordinatorA();
        long visible = world.as(COORDINATOR_A, () -> workItems.count(nl.steunpunt.buddy.workflow.WorkItemQuery.inbox()));
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("inbox-total")).getText())
                .as("the total counts the visible tasks").isEqualTo(visible + " taken");
        assertThat(LitCells.property(inboxGrid(), indexOf(task), "actions", "claim")).as("a free task offers to claim it").isEqualTo(true);
        assertThat(LitCells.property(inboxGrid(), indexOf(task), "actions", "unclaim")).isEqualTo(false);
        LitCells.call(inboxGrid(), indexOf(task), "actions", "claim");

        NotificationsKt.expectNotifications("Je hebt de taak 'Aanmelding beoordelen' opgepakt.");
        assertThat(rows().get(indexOf(task)).assignee()).contains(COORDINATOR_A);
        assertThat(LitCells.property(inboxGrid(), indexOf(task), "actions", "claim")).isEqualTo(false);
        assertThat(LitCells.property(inboxGrid(), indexOf(task), "actions", "unclaim")).as("now mine: give it back").isEqualTo(true);
        _setValue(_get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("filter-scope")),
                nl.steunpunt.buddy.workflow.WorkItemQuery.Scope.MINE);
        assertThat(rows()).extracting(WorkItem::id).contains(task.id());
        assertThat(rows()).allSatisfy(item -> assertThat(item.assignee()).contains(COORDINATOR_A));

        LitCells.call(inboxGrid(), indexOf(task), "actions", "unclaim");
        NotificationsKt.expectNotifications("Je hebt de taak 'Aanmelding beoordelen' teruggegeven.");
        assertThat(rows()).extracting(WorkItem::id).doesNotContain(task.id());
        assertThat(world.as(COORDINATOR_A, () -> workItems.get(task.id())).orElseThrow().assignee()).isEmpty();
    }

    @Test
    void claiming_a_task_a_colleague_took_meanwhile_names_her_and_shows_her_in_the_row() {
        WorkItem task = newTaskInTheInboxOfCoordinatorA();
        int row = indexOf(task);
        assertThat(LitCells.property(inboxGrid(), row, "actions", "claim")).as("free when the list was read").isEqualTo(true);

        world.as(COLLEAGUE_A, () -> workItems.claim(task.id()));
        world.signIn(COORDINATOR_A);
        LitCells.call(inboxGrid(), row, "actions", "claim");

        NotificationsKt.expectNotifications("Deze taak is al opgepakt door Collega A.");
        assertThat(indexOf(task)).as("the task keeps its place in the list").isEqualTo(row);
        assertThat(rows().get(row).assignee()).contains(COLLEAGUE_A);
        assertThat(GridKt._getFormattedRow(inboxGrid(), row)).contains("Collega A");
        assertThat(LitCells.property(inboxGrid(), row, "actions", "claim")).as("no longer free").isEqualTo(false);
        assertThat(LitCells.property(inboxGrid(), row, "actions", "unclaim")).as("not hers to give back").isEqualTo(false);
        assertThat(world.as(COORDINATOR_A, () -> workItems.get(task.id())).orElseThrow().assignee()).contains(COLLEAGUE_A);

        // read again (the page's colleagues looked up together): still her name
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<nl.steunpunt.buddy.workflow.WorkItemQuery.Scope> scope =
                _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("filter-scope"));
        _setValue(scope, nl.steunpunt.buddy.workflow.WorkItemQuery.Scope.UNASSIGNED);
        assertThat(rows()).extracting(WorkItem::id).doesNotContain(task.id());
        _setValue(scope, nl.steunpunt.buddy.workflow.WorkItemQuery.Scope.ALL);
        assertThat(GridKt._getFormattedRow(inboxGrid(), indexOf(task))).contains("Collega A");
    }

    @Test
    void opening_a_task_shows_its_own_form_and_completing_it_moves_the_process_on() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem task = world.awaitTask(COORDINATOR_A, id);
        openAppAs(COORDINATOR_A);
        UI.getCurrent().navigate(InboxView.class);

        LitCells.call(inboxGrid(), indexOf(task), "actions", "open");
        _assertOne(ScreenApplicationView.class);
        _assertOne(VerticalLayout.class, spec -> spec.withId("case-file"));

        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> suitable = _get(RadioButtonGroup.class, spec -> spec.withId("screening-suitable"));
        _setValue(suitable, Boolean.TRUE);
        _setValue(_get(TextArea.class, spec -> spec.withId("screening-note")), "Past goed");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));

        _assertOne(InboxView.class);
        assertThat(applications.status(id)).isEqualTo(ApplicationStatus.INTAKE_PLANNING);
        WorkItem next = world.awaitTask(COORDINATOR_A, id);
        assertThat(next.definitionKey()).isEqualTo(RecruitmentProcess.TASK_SCHEDULE_INTAKE);
        assertThat(rows()).extracting(WorkItem::id).doesNotContain(task.id());
    }

    @Test
    void an_invalid_form_shows_the_field_message_and_changes_nothing() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem task = world.awaitTask(COORDINATOR_A, id);
        openAppAs(COORDINATOR_A);
        UI.getCurrent().navigate(ScreenApplicationView.class, task.id());

        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> suitable = _get(RadioButtonGroup.class, spec -> spec.withId("screening-suitable"));
        _setValue(suitable, Boolean.FALSE);
        _click(_get(Button.class, spec -> spec.withId("complete-task")));

        TextArea note = _get(TextArea.class, spec -> spec.withId("screening-note"));
        assertThat(note.isInvalid()).isTrue();
        assertThat(note.getErrorMessage()).isEqualTo("Geef een toelichting als je de aanmelding afwijst.");
        _assertOne(ScreenApplicationView.class);
        assertThat(applications.status(id)).isEqualTo(ApplicationStatus.SCREENING);
        assertThat(world.taskOf(COORDINATOR_A, id)).extracting(WorkItem::id).containsExactly(task.id());
    }

    @Test
    void completing_a_task_a_colleague_completed_meanwhile_shows_the_message_and_no_error() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem task = world.awaitTask(COORDINATOR_A, id);
        openAppAs(COORDINATOR_A);
        UI.getCurrent().navigate(ScreenApplicationView.class, task.id());
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> suitable = _get(RadioButtonGroup.class, spec -> spec.withId("screening-suitable"));
        _setValue(suitable, Boolean.TRUE);

        world.as(COLLEAGUE_A, () -> {
            workItems.complete(task.id(), Map.of(RecruitmentProcess.Variables.SUITABLE, true),
                    () -> applications.recordScreening(id, true, "Collega was eerder"));
            return null;
        });
        world.signIn(COORDINATOR_A);
        _click(_get(Button.class, spec -> spec.withId("complete-task")));

        List<Notification> shown = NotificationsKt.getNotifications();
        assertThat(shown).extracting(n -> n.getElement().getProperty("text"))
                .contains("Deze taak is al afgerond of bestaat niet meer.");
        assertThat(_get(Paragraph.class, spec -> spec.withId("task-problem")).getText())
                .isEqualTo("Deze taak is al afgerond of bestaat niet meer.");
        assertThat(applications.open(id).screeningNote()).contains("Collega was eerder");
    }

    @Test
    void opening_an_already_completed_task_says_so() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem task = world.awaitTask(COORDINATOR_A, id);
        world.as(COORDINATOR_A, () -> {
            workItems.complete(task.id(), Map.of(RecruitmentProcess.Variables.SUITABLE, true),
                    () -> applications.recordScreening(id, true, "Al gedaan"));
            return null;
        });

        openAppAs(COORDINATOR_A);
        UI.getCurrent().navigate(ScreenApplicationView.class, task.id());

        assertThat(_get(Paragraph.class, spec -> spec.withId("task-problem")).getText())
                .isEqualTo("Deze taak is al afgerond of bestaat niet meer.");
    }

    @Test
    void a_coordinator_of_another_region_cannot_open_the_task() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem task = world.awaitTask(COORDINATOR_A, id);

        openAppAs(COORDINATOR_B);
        UI.getCurrent().navigate(ScreenApplicationView.class, task.id());

        assertThat(_get(Paragraph.class, spec -> spec.withId("task-problem")).getText())
                .isEqualTo("Dit valt buiten jouw regio's of rol.");
        _assertNone(VerticalLayout.class, spec -> spec.withId("case-file"));
    }

    @Test
    void a_task_opened_on_the_wrong_screen_is_forwarded_to_its_own_form() {
        ApplicationId id = world.apply(REGION_A);
        WorkItem task = world.awaitTask(COORDINATOR_A, id);
        openAppAs(COORDINATOR_A);

        UI.getCurrent().navigate(DecisionView.class, task.id());

        _assertOne(ScreenApplicationView.class);
    }

    @Test
    void each_role_sees_only_its_own_menu_entries() {
        openAppAs(COORDINATOR_A);
        UI.getCurrent().navigate(HomeView.class);
        assertThat(menuLabels()).containsExactly("Start", "Takenlijst", "Aanmeldingen", "Hulpvragen", "Wachtlijst", "Buddypool",
                "Koppelingen", "Scholingssessies", "Intervisie", "Kwalificaties", "Signalen");
        closeApp();

        accounts.save("facilitator.a", "Begeleider A", TestWorld.PASSWORD, Set.of(Role.FACILITATOR), Set.of(TestWorld.REGION_A));
        openAppAs("facilitator.a");
        UI.getCurrent().navigate(HomeView.class);
        assertThat(menuLabels()).containsExactly("Start", "Takenlijst", "Intervisie");
        closeApp();

        openAppAs(TRAINER_A);
        UI.getCurrent().navigate(HomeView.class);
        assertThat(menuLabels()).containsExactly("Start", "Takenlijst", "Scholingssessies", "Kwalificaties");
        UI.getCurrent().navigate(nl.steunpunt.buddy.ui.recruitment.ApplicationListView.class);
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(nl.steunpunt.buddy.ui.recruitment.ApplicationListView.class);
        assertThatThrownBy(() -> _assertNone(nl.steunpunt.buddy.ui.recruitment.ApplicationListView.class))
                .hasStackTraceContaining("Access is denied by annotations on the view");
    }

    @Test
    void the_screens_speak_english_when_the_user_chooses_it() {
        openAppAs(COORDINATOR_A, BuddyI18NProvider.ENGLISH);
        UI.getCurrent().navigate(InboxView.class);
        assertThat(menuLabels()).containsExactly("Home", "Task inbox", "Applications", "Help requests", "Waiting list", "Buddy pool",
                "Matches", "Training sessions", "Intervisie", "Qualifications", "Signals");
        assertThat(inboxGrid().getColumnByKey("due").getHeaderText()).isEqualTo("Due");
    }

    private List<String> menuLabels() {
        return com.github.mvysny.kaributesting.v10.LocatorJ._find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }

    @SuppressWarnings("unchecked")
    private Grid<WorkItem> inboxGrid() {
        return _get(Grid.class, spec -> spec.withId("inbox-grid"));
    }

    @Test
    void a_long_inbox_says_more_than_its_limit_and_still_scrolls_past_it() {
        // 1,050 tasks of a region of their own, written into the inbox's read model only (the inbox reads nothing else)
        RegionCode region = new RegionCode("TEST-LONG");
        regions.save(new Region(region, "Lange regio"));
        accounts.save("coordinator.long", "Coördinator Lang", TestWorld.PASSWORD, Set.of(Role.COORDINATOR), Set.of(region));
        String group = Role.COORDINATOR.groupIn(region);
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(RecruitmentProcess.PROCESS_ID).latestVersion()
                .singleResult().getId();
        int tasks = InboxView.TOTAL_LIMIT + 50;
        db.sql("INSERT INTO workflow_task (task_id, candidate_group, group_rank, process_instance_id, process_definition_id, process_key, "
                + "business_key, region_code, definition_key, name, created_at, due_at) SELECT 'long-' || lpad(g::text, 4, '0'), :group, 0, "
                + "'long-pi-' || g, :definition, :process, 'LONG-' || g, :region, :task, 'Aanmelding beoordelen', "
                + "now() - interval '1 day', now() + g * interval '1 minute' FROM generate_series(1, :tasks) g")
                .param("group", group).param("definition", definition).param("process", RecruitmentProcess.PROCESS_ID)
                .param("region", region.value()).param("task", RecruitmentProcess.TASK_SCREEN_APPLICATION).param("tasks", tasks).update();
        try {
            openAppAs("coordinator.long");
            UI.getCurrent().navigate(InboxView.class);

            assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("inbox-total")).getText())
                    .isEqualTo("Meer dan 1.000 taken");
            Grid<WorkItem> grid = inboxGrid();
            assertThat(GridKt._get(grid, 0).id()).isEqualTo("long-0001");
            assertThat(GridKt._get(grid, tasks - 1).id()).as("the grid pages past the total's limit").isEqualTo("long-" + tasks);
            assertThat(GridKt._fetch(grid, tasks - 10, 50)).as("and ends at the last task").hasSize(10);
        } finally {
            db.sql("DELETE FROM workflow_task WHERE candidate_group = ?").param(group).update();
        }
    }

    /** A new application's first task, and coordinator A's inbox open in the browser. */
    private WorkItem newTaskInTheInboxOfCoordinatorA() {
        WorkItem task = world.awaitTask(COORDINATOR_A, world.apply(REGION_A));
        openAppAs(COORDINATOR_A);
        UI.getCurrent().navigate(InboxView.class);
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip();
        return task;
    }

    private List<WorkItem> rows() {
        Grid<WorkItem> grid = inboxGrid();
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
    }

    private int indexOf(WorkItem task) {
        List<WorkItem> rows = rows();
        return IntStream.range(0, rows.size()).filter(i -> rows.get(i).id().equals(task.id())).findFirst()
                .orElseThrow(() -> new AssertionError("task " + task.id() + " not in the inbox"));
    }
}
