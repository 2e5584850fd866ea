package nl.steunpunt.buddy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static nl.steunpunt.buddy.ui.MatchingWorld.buddy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;

import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequestStatus;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.ProposalRecord;
import nl.steunpunt.buddy.matching.RankedCandidate;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.ui.matching.AnswerProposalView;
import nl.steunpunt.buddy.ui.matching.CandidateExplanation;
import nl.steunpunt.buddy.ui.matching.FirstContactView;
import nl.steunpunt.buddy.ui.matching.HelpRequestView;
import nl.steunpunt.buddy.ui.matching.IntakeRequestView;
import nl.steunpunt.buddy.ui.matching.ProposeBuddyView;
import nl.steunpunt.buddy.workflow.WorkItem;

/** The coordinator's and the buddy's matching screens, in the browser's place (Karibu). */
class MatchingScreensTest extends KaribuTest {

    @Autowired MatchingWorld matching;
    @Autowired HelpRequests requests;
    @Autowired JdbcClient db;

    @Test
    void the_coordinator_sees_ranked_explained_candidates_and_must_give_a_reason_to_pass_over_the_best() {
        MatchingWorld.Scene scene = matching.scene();
        List<MatchingWorld.Buddy> buddies = matching.certifiedBuddies(scene,
                buddy("best").levels(SchoolLevel.PO).areas(ProblemArea.THUISZITTER).place("Utrecht"),
                buddy("second").levels(SchoolLevel.VO).areas(ProblemArea.ADHD).place("Zeist"));
        HelpRequestId request = matching.request(scene).level(SchoolLevel.PO).areas(ProblemArea.THUISZITTER).place("Utrecht").submit();
        WorkItem task = matching.toProposeTask(scene, request);

        openAppAs(scene.coordinator());
        UI.getCurrent().navigate(ProposeBuddyView.class, task.id());

        Grid<RankedCandidate> grid = candidates();
        assertThat(GridKt._size(grid)).isEqualTo(2);
        RankedCandidate first = GridKt._get(grid, 0);
        RankedCandidate second = GridKt._get(grid, 1);
        assertThat(first.buddy()).isEqualTo(buddies.get(0).id());
        assertThat(first.score()).isGreaterThan(second.score());
        // Every criterion's line is on screen, with its points out of its weight.
        CandidateExplanation explanation = (CandidateExplanation) GridKt._getCellComponent(grid, 0, "explanation");
        List<String> lines = _find(explanation, Span.class).stream().map(Span::getText).toList();
        assertThat(lines.get(0)).isEqualTo("Score " + first.score() + " van 100");
        assertThat(lines).anyMatch(l -> l.startsWith("Zelfde onderwerpen: 40 van 40 punten"));
        assertThat(first.contributions().stream().mapToInt(c -> c.points()).sum()).isEqualTo(first.score());

        grid.select(second);
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        TextArea reason = _get(TextArea.class, spec -> spec.withId("override-reason"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(matching.tasksOf(scene.coordinator(), request)).extracting(WorkItem::definitionKey)
                .containsExactly(MatchingProcess.TASK_PROPOSE_BUDDY);

        _setValue(reason, "Woont dichter bij de school van het kind.");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));

        ProposalRecord proposal = world.as(scene.coordinator(), () -> requests.open(request)).proposals().get(0);
        assertThat(proposal.buddy()).isEqualTo(buddies.get(1).id());
        assertThat(proposal.rankPosition()).contains(2);
        assertThat(proposal.overrideReason()).contains("Woont dichter bij de school van het kind.");
        assertThat(proposal.explanation()).isEqualTo(second.contributions());
    }

    @Test
    void the_buddy_decides_without_the_requesters_details_and_sees_them_once_she_accepted() {
        MatchingWorld.Scene scene = matching.scene();
        MatchingWorld.Buddy buddy = matching.certifiedBuddy(scene, buddy("petra"));
        HelpRequestId request = matching.request(scene).name("Marloes Geheim").email("marloes.geheim@example.org").submit();
        matching.toProposeTask(scene, request);
        matching.propose(scene.coordinator(), request, buddy, null);
        WorkItem answer = matching.awaitTask(buddy.username(), request, MatchingProcess.TASK_ANSWER_PROPOSAL);

        openAppAs(buddy.username());
        UI.getCurrent().navigate(AnswerProposalView.class, answer.id());
        String page = allText();
        assertThat(page).contains("Thuiszitter").doesNotContain("Marloes", "marloes.geheim@example.org");
        _assertNone(Button.class, spec -> spec.withText("Oppakken"));
        _assertNone(Button.class, spec -> spec.withText("Teruggeven"));

        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> choice = _get(RadioButtonGroup.class, spec -> spec.withId("proposal-answer"));
        _setValue(choice, false);
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(_get(TextArea.class, spec -> spec.withId("decline-reason")).isInvalid()).isTrue();
        assertThat(matching.tasksOf(buddy.username(), request)).hasSize(1);

        _setValue(choice, true);
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        matching.awaitStatus(request, HelpRequestStatus.MATCHED);

        WorkItem firstContact = matching.awaitTask(buddy.username(), request, MatchingProcess.TASK_FIRST_CONTACT);
        long before = views(request);
        UI.getCurrent().navigate(FirstContactView.class, firstContact.id());
        assertThat(allText()).contains("Marloes Geheim", "marloes.geheim@example.org");
        assertThat(views(request)).as("the buddy's look at the contact details is logged").isEqualTo(before + 1);
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        matching.awaitTask(scene.coordinator(), request, MatchingProcess.TASK_INTRODUCTION_MEETING);
    }

    @Test
    void another_regions_coordinator_cannot_open_the_intake_or_the_case_and_the_intake_needs_areas_and_a_note() {
        MatchingWorld.Scene scene = matching.scene();
        MatchingWorld.Scene other = matching.scene();
        HelpRequestId request = matching.request(scene).submit();
        WorkItem intake = matching.awaitTask(scene.coordinator(), request, MatchingProcess.TASK_INTAKE_REQUEST);

        openAppAs(other.coordinator());
        UI.getCurrent().navigate(IntakeRequestView.class, intake.id());
        assertThat(_get(Paragraph.class, spec -> spec.withId("task-problem")).getText()).isEqualTo("Dit valt buiten jouw regio's of rol.");
        UI.getCurrent().navigate(HelpRequestView.class, request.toString());
        assertThat(_get(Paragraph.class, spec -> spec.withId("help-request-problem")).getText()).isEqualTo("Dit valt buiten jouw regio's of rol.");
        assertThat(views(request)).as("a refused look is not a view").isZero();

        openAppAs(scene.coordinator());
        UI.getCurrent().navigate(IntakeRequestView.class, intake.id());
        @SuppressWarnings("unchecked")
        CheckboxGroup<ProblemArea> areas = _get(CheckboxGroup.class, spec -> spec.withId("intake-areas"));
        _setValue(areas, Set.of());
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(areas.isInvalid()).isTrue();
        assertThat(_get(TextArea.class, spec -> spec.withId("intake-note")).isInvalid()).isTrue();
        assertThat(notificationTexts()).isNotEmpty();
        assertThat(matching.tasksOf(scene.coordinator(), request)).extracting(WorkItem::definitionKey)
                .containsExactly(MatchingProcess.TASK_INTAKE_REQUEST);
        assertThat(views(request)).as("the coordinator's opening is logged").isEqualTo(1);
        UI.getCurrent().navigate(HelpRequestView.class, request.toString());
        assertThat(views(request)).as("and so is every next one").isEqualTo(2);
    }

    @Test
    void the_case_view_shows_the_request_and_records_a_withdrawal() {
        MatchingWorld.Scene scene = matching.scene();
        HelpRequestId request = matching.request(scene).name("Ans Intrekker").submit();
        matching.awaitTask(scene.coordinator(), request, MatchingProcess.TASK_INTAKE_REQUEST);

        openAppAs(scene.coordinator());
        UI.getCurrent().navigate(HelpRequestView.class, request.toString());
        assertThat(allText()).contains("Ans Intrekker", "Intake");

        _click(_get(Button.class, spec -> spec.withId("withdraw")));
        assertThat(notificationTexts()).contains("Vul de reden van intrekken in.");
        NotificationsKt.clearNotifications();
        _setValue(_get(TextArea.class, spec -> spec.withId("withdraw-reason")), "Heeft zelf een oplossing met school gevonden.");
        _click(_get(Button.class, spec -> spec.withId("withdraw")));

        assertThat(world.as(scene.coordinator(), () -> requests.status(request))).isEqualTo(HelpRequestStatus.WITHDRAWN);
        MatchingWorld.await().until(() -> matching.tasksOf(scene.coordinator(), request).isEmpty());
    }

    private long views(HelpRequestId request) {
        return db.sql("SELECT count(*) FROM help_request_view WHERE request_id = ?").param(request.value()).query(Long.class).single();
    }

    @SuppressWarnings("unchecked")
    private static Grid<RankedCandidate> candidates() {
        return _get(Grid.class, spec -> spec.withId("candidates"));
    }

    private static String allText() {
        return _find(UI.getCurrent(), com.vaadin.flow.component.Component.class).stream()
                .filter(c -> c instanceof Span || c instanceof Paragraph || c instanceof com.vaadin.flow.component.html.H3)
                .map(c -> c.getElement().getText()).reduce("", (a, b) -> a + "\n" + b);
    }

    private static List<String> notificationTexts() {
        return NotificationsKt.getNotifications().stream().map((Notification n) -> n.getElement().getProperty("text")).toList();
    }
}
