package nl.steunpunt.buddy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static nl.steunpunt.buddy.ui.MatchingWorld.buddy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;

import nl.steunpunt.buddy.matching.BuddyMatch;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.processes.SupportProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.ui.admin.IncidentsView;
import nl.steunpunt.buddy.ui.process.BpmnDiagram;
import nl.steunpunt.buddy.ui.process.CaseDiagramView;
import nl.steunpunt.buddy.ui.process.ProcessInsightView;
import nl.steunpunt.buddy.ui.recruitment.ApplicationView;
import nl.steunpunt.buddy.ui.security.LocalAccounts;
import nl.steunpunt.buddy.ui.support.MatchCaseView;
import nl.steunpunt.buddy.workflow.CaseDiagram;
import nl.steunpunt.buddy.workflow.CaseDiagrams;
import nl.steunpunt.buddy.workflow.FailedJob;
import nl.steunpunt.buddy.workflow.Incidents;
import nl.steunpunt.buddy.workflow.ProcessHeatmap;
import nl.steunpunt.buddy.workflow.ProcessInsight;

/** Case diagrams, the managers' heatmap and the administrators' incidents, in the browser's place (Karibu). */
class ProcessInsightScreensTest extends KaribuTest {

    @Autowired Applications applications;
    @Autowired CaseDiagrams diagrams;
    @Autowired ProcessInsight insight;
    @Autowired Incidents incidents;
    @Autowired MatchingWorld matching;
    @Autowired SupportWorld support;
    @Autowired LocalAccounts accounts;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired JdbcClient db;
    @Autowired Clock clock;

    @Test
    void a_coordinator_sees_where_an_application_stands_on_its_diagram_and_the_steps_taken_in_words() {
        ApplicationId id = world.apply(TestWorld.REGION_A);
        world.advance(id, RecruitmentProcess.TASK_SCHEDULE_INTAKE);

        openAppAs(TestWorld.COORDINATOR_A);
        UI.getCurrent().navigate(ApplicationView.class, id.toString());

        BpmnDiagram diagram = _get(BpmnDiagram.class, spec -> spec.withId("case-diagram-bpmn"));
        assertThat(diagram.getXml()).contains("RecruitmentProcess", "bpmndi:BPMNDiagram");
        assertThat(diagram.getActiveIds()).containsExactly(RecruitmentProcess.TASK_SCHEDULE_INTAKE);
        assertThat(diagram.getCompletedIds()).contains(RecruitmentProcess.TASK_SCREEN_APPLICATION)
                .doesNotContain(RecruitmentProcess.TASK_SCHEDULE_INTAKE)
                .anySatisfy(flow -> assertThat(flow).startsWith("Flow_"));
        assertThat(text("case-diagram-current")).isEqualTo("Huidige stap: " + translation("task." + RecruitmentProcess.TASK_SCHEDULE_INTAKE));
        assertThat(text("case-diagram-taken")).startsWith("Gezette stappen: ")
                .contains(translation("task." + RecruitmentProcess.TASK_SCREEN_APPLICATION));
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE subject_type = 'CASE' AND action = 'VIEW' AND subject_id = ? AND user_id = ?")
                .params(applications.open(id).reference(), TestWorld.COORDINATOR_A).query(Long.class).single()).isPositive();
    }

    @Test
    void a_match_case_shows_each_of_its_processes_newest_first() {
        MatchingWorld.Scene scene = matching.scene();
        MatchingWorld.Buddy buddy = matching.certifiedBuddy(scene, buddy("diagram"));
        BuddyMatch match = support.activeMatch(scene, buddy);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> world.as(scene.coordinator(), () -> diagrams.of(match.reference())),
                list -> list.size() >= 2 && list.get(0).processKey().equals(SupportProcess.PROCESS_ID));

        openAppAs(scene.coordinator());
        UI.getCurrent().navigate(MatchCaseView.class, match.matchId().toString());

        Tabs tabs = _get(Tabs.class, spec -> spec.withId("case-diagram-processes"));
        assertThat(tabs.getComponentCount()).isEqualTo(2);
        assertThat(_get(BpmnDiagram.class, spec -> spec.withId("case-diagram-bpmn")).getXml()).contains(SupportProcess.PROCESS_ID);
        assertThat(text("case-diagram-current")).startsWith("Huidige stap: ");

        tabs.setSelectedIndex(1);
        BpmnDiagram diagram = _get(BpmnDiagram.class, spec -> spec.withId("case-diagram-bpmn"));
        assertThat(diagram.getXml()).contains(MatchingProcess.PROCESS_ID);
        assertThat(diagram.getActiveIds()).isEmpty();
        assertThat(diagram.getCompletedIds()).contains(MatchingProcess.TASK_FIRST_CONTACT, MatchingProcess.TASK_INTRODUCTION_MEETING);
        assertThat(text("case-diagram-current")).startsWith("Dit proces is afgerond op ");
        assertThat(text("case-diagram-taken")).contains(translation("task." + MatchingProcess.TASK_INTRODUCTION_MEETING));
    }

    @Test
    void only_the_coordinator_of_the_region_and_administrators_may_read_a_case_diagram() {
        ApplicationId id = world.apply(TestWorld.REGION_A);
        world.awaitTask(TestWorld.COORDINATOR_A, id);
        String reference = world.as(TestWorld.COORDINATOR_A, () -> applications.open(id).reference());

        assertThat(world.as(TestWorld.ADMIN, () -> diagrams.of(reference))).extracting(CaseDiagram::processKey)
                .containsExactly(RecruitmentProcess.PROCESS_ID);
        for (String refused : List.of(TestWorld.COORDINATOR_B, TestWorld.MANAGER_A, TestWorld.BUDDY_A, TestWorld.TRAINER_A)) {
            assertThatThrownBy(() -> world.as(refused, () -> diagrams.of(reference))).as(refused)
                    .isInstanceOf(AccessDeniedException.class);
        }

        openAppAs(TestWorld.ADMIN);
        UI.getCurrent().navigate(CaseDiagramView.class, reference);
        assertThat(_get(BpmnDiagram.class, spec -> spec.withId("case-diagram-bpmn")).getActiveIds())
                .containsExactly(RecruitmentProcess.TASK_SCREEN_APPLICATION);
        closeApp();

        openAppAs(TestWorld.COORDINATOR_B);
        UI.getCurrent().navigate(CaseDiagramView.class, reference);
        assertThat(text("case-diagram-problem")).isEqualTo(translation("error.access.other-region"));
        _find(BpmnDiagram.class).forEach(d -> assertThat(d.getXml()).isEmpty());
    }

    @Test
    void a_manager_sees_where_cases_of_her_region_wait_with_small_counts_suppressed_and_no_personal_data() {
        MatchingWorld.Scene scene = matching.scene();
        String manager = "manager." + scene.region().value().toLowerCase();
        accounts.save(manager, "Manager " + scene.region().value(), TestWorld.PASSWORD, Set.of(Role.MANAGER), Set.of(scene.region()));
        List<ApplicationId> ids = IntStream.range(0, 5).mapToObj(i -> world.apply(scene.region())).toList();
        world.advance(ids.get(0), RecruitmentProcess.TASK_HOLD_INTAKE, scene.coordinator());
        ids.subList(1, 5).forEach(id -> world.advance(id, RecruitmentProcess.TASK_SCHEDULE_INTAKE, scene.coordinator()));

        ProcessHeatmap heatmap = world.as(manager, () -> insight.heatmap(RecruitmentProcess.PROCESS_ID,
                LocalDate.now(clock).minusDays(1), LocalDate.now(clock)));
        assertThat(heatmap.activities()).filteredOn(w -> w.activityId().equals(RecruitmentProcess.TASK_SCREEN_APPLICATION))
                .singleElement().satisfies(w -> assertThat(w.figures()).get().extracting(ProcessHeatmap.Figures::count).isEqualTo(5L));
        assertThat(heatmap.activities()).filteredOn(w -> w.activityId().equals(RecruitmentProcess.TASK_SCHEDULE_INTAKE))
                .singleElement().satisfies(w -> assertThat(w.figures()).isEmpty());

        openAppAs(manager);
        UI.getCurrent().navigate(ProcessInsightView.class);
        BpmnDiagram diagram = _get(BpmnDiagram.class, spec -> spec.withId("insight-diagram"));
        assertThat(diagram.getXml()).contains(RecruitmentProcess.PROCESS_ID);
        assertThat(diagram.getHeat()).containsKey(RecruitmentProcess.TASK_SCREEN_APPLICATION)
                .doesNotContainKey(RecruitmentProcess.TASK_SCHEDULE_INTAKE);
        assertThat(diagram.getHeatLabels()).containsEntry(RecruitmentProcess.TASK_SCHEDULE_INTAKE, "< 5");
        @SuppressWarnings("unchecked")
        Grid<ProcessHeatmap.ActivityWait> grid = _get(Grid.class, spec -> spec.withId("insight-grid"));
        List<String> screening = row(grid, RecruitmentProcess.TASK_SCREEN_APPLICATION);
        assertThat(screening.get(1)).isEqualTo("5");
        assertThat(screening.get(2)).isNotEqualTo("—");
        List<String> planning = row(grid, RecruitmentProcess.TASK_SCHEDULE_INTAKE);
        assertThat(planning.subList(1, 4)).containsExactly("< 5", "—", "—");
        String everything = allText(UI.getCurrent()) + String.join(" ", diagram.getHeatLabels().values());
        assertThat(everything).doesNotContain("Zoë", "Aanmelder", "@example.org", "0612345678", scene.coordinator());
        assertThat(diagram.getXml()).doesNotContain("Zoë", "@example.org");
    }

    @Test
    void coordinators_and_buddies_cannot_read_the_heatmap() {
        for (String refused : List.of(TestWorld.COORDINATOR_A, TestWorld.BUDDY_A)) {
            assertThatThrownBy(() -> world.as(refused, insight::models)).as(refused).isInstanceOf(AccessDeniedException.class);
        }
        openAppAs(TestWorld.COORDINATOR_A);
        UI.getCurrent().navigate(ProcessInsightView.class);
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(ProcessInsightView.class);
    }

    @Test
    void an_administrator_reads_a_failed_job_with_its_case_comments_on_it_and_retries_it_after_the_fix() {
        String processKey = "IncidentTestProcess";
        BpmnModelInstance model = Bpmn.createExecutableProcess(processKey).name("Storingstest").camundaHistoryTimeToLive(1)
                .startEvent("Event_Start")
                .serviceTask("Task_Deliver").name("Bericht bezorgen").camundaAsyncBefore()
                .camundaExpression("${broken ? missingBean.deliver() : true}")
                .endEvent("Event_End").done();
        String deployment = repositoryService.createDeployment().addModelInstance(processKey + ".bpmn", model).deploy().getId();
        try {
            String reference = "STORING-" + UUID.randomUUID().toString().substring(0, 8);
            String instance = runtimeService.startProcessInstanceByKey(processKey, reference,
                    Map.of("broken", true, "regionCode", TestWorld.REGION_A.value())).getId();
            FailedJob failed = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> failedJobOf(reference), job -> job != null && job.incidentId().isPresent());
            assertThat(failed.retries()).isZero();
            assertThat(failed.activityId()).isEqualTo("Task_Deliver");
            assertThat(failed.activityName()).isEqualTo("Bericht bezorgen");
            assertThat(failed.message()).contains("missingBean").doesNotContain("\n");
            String jobId = failed.jobId().orElseThrow();
            assertThat(world.as(TestWorld.ADMIN, () -> diagrams.of(reference))).singleElement()
                    .satisfies(diagram -> assertThat(diagram.activeIds()).containsExactly("Task_Deliver"));

            openAppAs(TestWorld.ADMIN);
            UI.getCurrent().navigate(IncidentsView.class);
            @SuppressWarnings("unchecked")
            Grid<FailedJob> grid = _get(Grid.class, spec -> spec.withId("incidents-grid"));
            assertThat(IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)))
                    .anySatisfy(row -> assertThat(row.caseReference()).hasValue(reference));

            FailedJob row = IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i))
                    .filter(r -> r.jobId().filter(jobId::equals).isPresent()).findFirst().orElseThrow();
            grid.select(row);
            _click(_get(Button.class, spec -> spec.withId("incident-details")));
            assertThat(_get(Pre.class, spec -> spec.withId("incident-stack-trace")).getText()).contains("missingBean", "\tat ");
            _click(_get(Button.class, spec -> spec.withId("incident-details-close")));

            _click(_get(Button.class, spec -> spec.withId("incident-comment")));
            _setValue(_get(TextArea.class, spec -> spec.withId("incident-annotation")), "Bezorgdienst is gebeld; daarna opnieuw.");
            _click(_get(Button.class, spec -> spec.withId("incident-annotation-save")));
            assertThat(failedJobOf(reference).annotation()).hasValue("Bezorgdienst is gebeld; daarna opnieuw.");

            assertThat(GridKt._getFormattedRow(grid, indexOf(grid, jobId))).contains("Bezorgdienst is gebeld; daarna opnieuw.");
            runtimeService.setVariable(instance, "broken", false);
            grid.select(GridKt._get(grid, indexOf(grid, jobId)));
            _click(_get(Button.class, spec -> spec.withId("incident-retry")));

            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0);
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("Event_End")
                    .count()).isOne();
            assertThat(failedJobOf(reference)).isNull();
            assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    @Test
    void coordinators_and_managers_cannot_see_or_touch_incidents() {
        for (String refused : List.of(TestWorld.COORDINATOR_A, TestWorld.MANAGER_A)) {
            assertThatThrownBy(() -> world.as(refused, incidents::list)).as(refused).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> world.as(refused, () -> {
                incidents.retry("any");
                return null;
            })).as(refused).isInstanceOf(AccessDeniedException.class);
        }
        openAppAs(TestWorld.MANAGER_A);
        UI.getCurrent().navigate(IncidentsView.class);
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(IncidentsView.class);
    }

    private static int indexOf(Grid<FailedJob> grid, String jobId) {
        return IntStream.range(0, GridKt._size(grid)).filter(i -> GridKt._get(grid, i).jobId().filter(jobId::equals).isPresent())
                .findFirst().orElseThrow(() -> new AssertionError("job " + jobId + " not listed"));
    }

    private FailedJob failedJobOf(String reference) {
        return world.as(TestWorld.ADMIN, () -> incidents.list().stream()
                .filter(job -> job.caseReference().filter(reference::equals).isPresent()).findFirst().orElse(null));
    }

    private static List<String> row(Grid<ProcessHeatmap.ActivityWait> grid, String activityId) {
        int index = IntStream.range(0, GridKt._size(grid)).filter(i -> GridKt._get(grid, i).activityId().equals(activityId))
                .findFirst().orElseThrow(() -> new AssertionError(activityId + " not in the table"));
        return GridKt._getFormattedRow(grid, index);
    }

    private static String text(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }

    private static String translation(String key) {
        return UI.getCurrent().getTranslation(key);
    }

    private static String allText(Component root) {
        StringBuilder text = new StringBuilder(root.getElement().getText());
        root.getChildren().forEach(child -> text.append(' ').append(allText(child)));
        if (root instanceof Grid<?> grid) {
            for (int i = 0; i < GridKt._size(grid); i++) {
                text.append(' ').append(String.join(" ", GridKt._getFormattedRow(grid, i)));
            }
        }
        return text.toString();
    }
}
