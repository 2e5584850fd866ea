package nl.steunpunt.buddy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static nl.steunpunt.buddy.ui.MatchingWorld.await;
import static nl.steunpunt.buddy.ui.MatchingWorld.buddy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

import nl.steunpunt.buddy.matching.BuddyDepartures;
import nl.steunpunt.buddy.matching.BuddyMatch;
import nl.steunpunt.buddy.matching.ClosureReason;
import nl.steunpunt.buddy.matching.DepartureReason;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.MatchEndings;
import nl.steunpunt.buddy.matching.MatchStatus;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.matching.PoolBuddy;
import nl.steunpunt.buddy.matching.RankedCandidate;
import nl.steunpunt.buddy.processes.BuddyOffboardingProcess;
import nl.steunpunt.buddy.processes.SupportProcess;
import nl.steunpunt.buddy.support.MeetingPlan;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.ui.matching.BuddyPoolView;
import nl.steunpunt.buddy.ui.offboarding.ExitConversationView;
import nl.steunpunt.buddy.ui.offboarding.HandOverMatchView;
import nl.steunpunt.buddy.workflow.BuddyOffboarding;
import nl.steunpunt.buddy.workflow.SupportActions;
import nl.steunpunt.buddy.workflow.WorkItem;

/** A buddy stops: announced in the pool, her matches handed over or ended, exit conversation, archived. */
class OffboardingTest extends KaribuTest {

    @Autowired MatchingWorld matching;
    @Autowired SupportWorld support;
    @Autowired Matchmaking matchmaking;
    @Autowired MatchEndings endings;
    @Autowired BuddyDepartures departures;
    @Autowired BuddyOffboarding offboarding;
    @Autowired JdbcClient db;
    @Autowired Clock clock;
    @Autowired SupportActions supportActions;
    @Autowired RuntimeService runtime;

    @Test
    void a_leaving_buddys_matches_are_handed_over_or_ended_and_after_the_exit_conversation_she_is_archived() {
        MatchingWorld.Scene scene = matching.scene();
        MatchingWorld.Buddy ruth = matching.certifiedBuddy(scene, buddy("ruth").maxMatches(3));
        BuddyMatch first = support.activeMatch(scene, ruth);
        BuddyMatch second = support.activeMatch(scene, ruth);
        MatchingWorld.Buddy sara = matching.certifiedBuddy(scene, buddy("sara"));
        String ruthReference = matching.inPool(scene, ruth).orElseThrow().reference();
        // Ruth has a school meeting tomorrow on the first match: its preparation is her task now.
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        world.as(ruth.username(), () -> supportActions.planSchoolMeeting(first.matchId(),
                new MeetingPlan(tomorrow, LocalTime.of(10, 0), LocalTime.of(11, 0), "De Regenboog", "Gesprek met de mentor")));
        WorkItem prepare = matching.awaitTask(ruth.username(), first.matchId().toString(), SupportProcess.TASK_PREPARE_SCHOOL_MEETING);

        openAppAs(scene.coordinator());
        UI.getCurrent().navigate(BuddyPoolView.class);
        @SuppressWarnings("unchecked")
        Grid<PoolBuddy> pool = _get(Grid.class, spec -> spec.withId("pool-grid"));
        int row = GridKt._findAll(pool).stream().map(PoolBuddy::reference).toList().indexOf(ruthReference);
        _click((Button) GridKt._getCellComponent(pool, row, "leave"));
        @SuppressWarnings("unchecked")
        Select<DepartureReason> reason = _get(Select.class, spec -> spec.withId("leave-reason"));
        _setValue(reason, DepartureReason.MOVED);
        _click(_get(Button.class, spec -> spec.withId("leave-confirm")));
        assertThat(matching.inPool(scene, ruth)).get().extracting(PoolBuddy::leaving).isEqualTo(true);

        // No longer proposed: a new request's ranking has Sara and not Ruth.
        HelpRequestId fresh = matching.request(scene).submit();
        matching.toProposeTask(scene, fresh);
        List<RankedCandidate> ranked = world.as(scene.coordinator(), () -> matchmaking.candidates(fresh)).candidates();
        assertThat(ranked).extracting(RankedCandidate::buddy).contains(sara.id()).doesNotContain(ruth.id());

        String subject = ruth.id().toString();
        WorkItem exit = matching.awaitTask(scene.coordinator(), subject, BuddyOffboardingProcess.TASK_EXIT_CONVERSATION);
        await().until(() -> handOverTasks(scene, subject).size() == 2);
        List<WorkItem> handOvers = handOverTasks(scene, subject);
        WorkItem toFirst = handOvers.stream().filter(t -> matchOf(scene, t).equals(first.matchId())).findFirst().orElseThrow();
        WorkItem toSecond = handOvers.stream().filter(t -> matchOf(scene, t).equals(second.matchId())).findFirst().orElseThrow();

        // The first match goes to Sara, chosen from the request's ranking.
        UI.getCurrent().navigate(HandOverMatchView.class, toFirst.id());
        @SuppressWarnings("unchecked")
        Grid<RankedCandidate> candidates = _get(Grid.class, spec -> spec.withId("hand-over-candidates"));
        List<RankedCandidate> offered = GridKt._findAll(candidates);
        assertThat(offered).extracting(RankedCandidate::buddy).contains(sara.id()).doesNotContain(ruth.id());
        candidates.select(offered.stream().filter(c -> c.buddy().equals(sara.id())).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(world.as(sara.username(), () -> matchmaking.myMatches())).extracting(BuddyMatch::matchId).contains(first.matchId());
        assertThat(world.as(ruth.username(), () -> matchmaking.myMatches())).extracting(BuddyMatch::matchId).doesNotContain(first.matchId());
        // Her open task of that match and the ones still to come are Sara's now.
        assertThat(matching.tasksOf(sara.username(), first.matchId().toString())).extracting(WorkItem::id).contains(prepare.id());
        assertThat(matching.tasksOf(ruth.username(), first.matchId().toString())).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(SupportProcess.PROCESS_ID)
                .variableValueEquals(SupportProcess.Variables.BUDDY_USER_ID, sara.username())
                .variableValueEquals(SupportProcess.Variables.MATCH_ID, first.matchId().toString()).count()).isEqualTo(1);

        // The second ends: the buddy stops is its reason.
        UI.getCurrent().navigate(HandOverMatchView.class, toSecond.id());
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> outcome = _get(RadioButtonGroup.class, spec -> spec.withId("hand-over-outcome"));
        outcome.setValue(outcome.getListDataView().getItems().filter(o -> o.toString().equals("END")).findFirst().orElseThrow());
        _setValue(_get(TextArea.class, spec -> spec.withId("hand-over-note")), "Ouder wil geen nieuwe buddy");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(matchmaking.matchFacts(second.matchId()).orElseThrow().status()).isEqualTo(MatchStatus.ENDING);
        assertThat(endings.closure(second.matchId()).orElseThrow().reason()).isEqualTo(ClosureReason.BUDDY_STOPS);
        assertThat(supportActions.isRunning(second.matchId())).isFalse();

        // A future date is refused and nothing is saved; today completes the exit conversation.
        UI.getCurrent().navigate(ExitConversationView.class, exit.id());
        _setValue(_get(DatePicker.class, spec -> spec.withId("exit-date")), LocalDate.now(clock).plusDays(3));
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(matching.tasksOf(scene.coordinator(), subject)).extracting(WorkItem::id).contains(exit.id());
        assertThat(exitHeldOn(ruth)).isNull();
        _setValue(_get(DatePicker.class, spec -> spec.withId("exit-date")), LocalDate.now(clock));
        _setValue(_get(TextArea.class, spec -> spec.withId("exit-note")), "Verhuist naar Groningen; was met plezier buddy");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(exitHeldOn(ruth)).isEqualTo(LocalDate.now(clock));

        await().until(() -> matching.inPool(scene, ruth).isEmpty());
        assertThat(db.sql("SELECT archived_at IS NOT NULL FROM matching_buddy WHERE application_id = ?").param(ruth.id().value())
                .query(Boolean.class).single()).isTrue();
        assertThat(db.sql("SELECT outcome FROM match_hand_over WHERE from_buddy_id = ? ORDER BY outcome").param(ruth.id().value())
                .query(String.class).list()).containsExactly("ENDED", "HANDED_OVER");
    }

    @Test
    void announcing_is_refused_for_another_region_without_a_reason_twice_or_with_an_unanswered_proposal_and_changes_nothing() {
        MatchingWorld.Scene scene = matching.scene();
        MatchingWorld.Scene other = matching.scene();
        MatchingWorld.Buddy eva = matching.certifiedBuddy(scene, buddy("eva"));

        assertThatThrownBy(() -> start(other.coordinator(), eva, DepartureReason.NO_TIME)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> start(scene.coordinator(), eva, null)).isInstanceOf(InvalidInputException.class)
                .extracting("messageKey").isEqualTo("error.departure.reason.required");
        assertThatThrownBy(() -> start(eva.username(), eva, DepartureReason.NO_TIME)).isInstanceOf(AccessDeniedException.class);

        HelpRequestId request = matching.request(scene).submit();
        matching.toProposeTask(scene, request);
        matching.propose(scene.coordinator(), request, eva, null);
        assertThatThrownBy(() -> start(scene.coordinator(), eva, DepartureReason.NO_TIME)).isInstanceOf(InvalidInputException.class)
                .extracting("messageKey").isEqualTo("error.departure.unsettled");
        assertThat(matching.inPool(scene, eva)).get().extracting(PoolBuddy::leaving).isEqualTo(false);
        assertThat(matching.tasksOf(scene.coordinator(), eva.id().toString())).isEmpty();

        matching.answer(eva, request, false, "Geen ruimte deze maand");
        start(scene.coordinator(), eva, DepartureReason.NO_TIME);
        matching.awaitTask(scene.coordinator(), eva.id().toString(), BuddyOffboardingProcess.TASK_EXIT_CONVERSATION);
        assertThat(handOverTasks(scene, eva.id().toString())).isEmpty();
        assertThatThrownBy(() -> start(scene.coordinator(), eva, DepartureReason.NO_TIME)).isInstanceOf(InvalidInputException.class)
                .extracting("messageKey").isEqualTo("error.departure.already");
    }

    @Test
    void a_match_is_only_handed_over_to_a_ranked_candidate_with_room() {
        MatchingWorld.Scene scene = matching.scene();
        MatchingWorld.Buddy ruth = matching.certifiedBuddy(scene, buddy("ruth"));
        BuddyMatch match = support.activeMatch(scene, ruth);
        MatchingWorld.Buddy full = matching.certifiedBuddy(scene, buddy("full").maxMatches(0));
        start(scene.coordinator(), ruth, DepartureReason.PERSONAL);
        await().until(() -> handOverTasks(scene, ruth.id().toString()).size() == 1);

        assertThatThrownBy(() -> world.as(scene.coordinator(), () -> departures.handOver(match.matchId(), full.id())))
                .isInstanceOf(InvalidInputException.class).extracting("messageKey").isEqualTo("error.match.not-a-candidate.NO_CAPACITY");
        assertThatThrownBy(() -> world.as(scene.coordinator(), () -> departures.handOver(match.matchId(), ruth.id())))
                .isInstanceOf(InvalidInputException.class);
        assertThat(matchmaking.matchFacts(match.matchId()).orElseThrow().buddy()).isEqualTo(ruth.id());
    }

    private void start(String user, MatchingWorld.Buddy buddy, DepartureReason reason) {
        world.as(user, () -> {
            offboarding.start(buddy.id(), reason);
            return null;
        });
    }

    private List<WorkItem> handOverTasks(MatchingWorld.Scene scene, String subject) {
        return matching.tasksOf(scene.coordinator(), subject).stream()
                .filter(t -> t.definitionKey().equals(BuddyOffboardingProcess.TASK_HAND_OVER_MATCH)).toList();
    }

    private UUID matchOf(MatchingWorld.Scene scene, WorkItem task) {
        return world.as(scene.coordinator(), () -> offboarding.matchOf(task.id()));
    }

    private LocalDate exitHeldOn(MatchingWorld.Buddy buddy) {
        return db.sql("SELECT exit_held_on FROM buddy_departure WHERE buddy_id = ?").param(buddy.id().value())
                .query(LocalDate.class).optional().orElse(null);
    }
}
