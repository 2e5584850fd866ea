package nl.steunpunt.buddy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static nl.steunpunt.buddy.ui.MatchingWorld.await;
import static nl.steunpunt.buddy.ui.MatchingWorld.buddy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;

import nl.steunpunt.buddy.matching.BuddyMatch;
import nl.steunpunt.buddy.matching.ClosureReason;
import nl.steunpunt.buddy.matching.MatchOverview.MatchLine;
import nl.steunpunt.buddy.matching.MatchStatus;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.processes.SupportProcess;
import nl.steunpunt.buddy.support.ConcernUrgency;
import nl.steunpunt.buddy.support.HowItGoes;
import nl.steunpunt.buddy.support.MatchCase;
import nl.steunpunt.buddy.support.MeetingStatus;
import nl.steunpunt.buddy.support.NewConcern;
import nl.steunpunt.buddy.support.ReviewDecision;
import nl.steunpunt.buddy.support.SchoolMeeting;
import nl.steunpunt.buddy.support.SupportRecords;
import nl.steunpunt.buddy.ui.matching.MyMatchesView;
import nl.steunpunt.buddy.ui.support.CheckInView;
import nl.steunpunt.buddy.ui.support.DiscussConcernView;
import nl.steunpunt.buddy.ui.support.FollowUpSchoolMeetingView;
import nl.steunpunt.buddy.ui.support.MatchCaseView;
import nl.steunpunt.buddy.ui.support.MeetingForm;
import nl.steunpunt.buddy.ui.inbox.CaseTasks;
import nl.steunpunt.buddy.ui.inbox.CaseTimeline;
import nl.steunpunt.buddy.ui.support.MatchListView;
import nl.steunpunt.buddy.ui.support.MatchSupportView;
import nl.steunpunt.buddy.ui.support.PrepareSchoolMeetingView;
import nl.steunpunt.buddy.ui.support.ReviewMatchView;
import nl.steunpunt.buddy.workflow.SupportActions;
import nl.steunpunt.buddy.workflow.WorkItem;

/** Begeleiding on screen (Karibu): the buddy's meetings, concern and tasks, the coordinators' list, case view and tasks. */
class SupportProcessScreensTest extends KaribuTest {

    @Autowired MatchingWorld matching;
    @Autowired SupportWorld supportWorld;
    @Autowired SupportActions support;
    @Autowired SupportRecords records;
    @Autowired Matchmaking matchmaking;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired Clock clock;

    @Test
    void a_buddy_plans_moves_and_cancels_meetings_raises_a_concern_and_prepares_and_follows_up_and_another_buddy_is_refused() {
        MatchingWorld.Scene scene = matching.scene();
        List<MatchingWorld.Buddy> buddies = matching.certifiedBuddies(scene, buddy("petra"), buddy("quinta"));
        MatchingWorld.Buddy petra = buddies.get(0);
        MatchingWorld.Buddy quinta = buddies.get(1);
        BuddyMatch match = activeWithSupport(scene, petra);
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);

        openAppAs(petra.username());
        UI.getCurrent().navigate(MyMatchesView.class);
        _click(_get(Button.class, spec -> spec.withId("support-" + match.reference())));
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(MatchSupportView.class);

        // A meeting that ends before it starts is refused, and nothing is stored.
        fillMeeting(_get(MeetingForm.class, spec -> spec.withId("meeting-form")), tomorrow, LocalTime.of(11, 0), LocalTime.of(10, 0), "Het Baken");
        _click(_get(Button.class, spec -> spec.withId("meeting-save")));
        assertThat(notifications()).contains("De eindtijd ligt na de begintijd.");
        NotificationsKt.clearNotifications();
        assertThat(world.as(petra.username(), () -> records.open(match.matchId())).meetings()).isEmpty();

        fillMeeting(_get(MeetingForm.class, spec -> spec.withId("meeting-form")), tomorrow, LocalTime.of(10, 0), LocalTime.of(11, 0), "Het Baken");
        _click(_get(Button.class, spec -> spec.withId("meeting-save")));
        assertThat(notifications()).contains("Het schoolgesprek is gepland.");
        NotificationsKt.clearNotifications();
        SchoolMeeting planned = world.as(petra.username(), () -> records.open(match.matchId())).meetings().get(0);
        assertThat(_get(Component.class, spec -> spec.withId("upcoming-meetings")).getElement().getTextRecursively()).contains("Het Baken");

        // A concern goes to the coordinators.
        _setValue(_get(TextArea.class, spec -> spec.withId("concern-text")), "Moeder slaapt slecht door de spanning");
        _click(_get(Button.class, spec -> spec.withId("concern-raise")));
        assertThat(notifications()).contains("Je zorg is gemeld bij de coördinator.");
        NotificationsKt.clearNotifications();
        matching.awaitTask(scene.coordinator(), match.matchId().toString(), SupportProcess.TASK_DISCUSS_CONCERN);

        // The meeting is tomorrow, so her preparation task is there right away; she finds it on her matches.
        matching.awaitTask(petra.username(), match.matchId().toString(), SupportProcess.TASK_PREPARE_SCHOOL_MEETING);
        UI.getCurrent().navigate(MyMatchesView.class);
        _click(_get(Button.class, spec -> spec.withId("task-" + SupportProcess.TASK_PREPARE_SCHOOL_MEETING + "-" + match.reference())));
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(PrepareSchoolMeetingView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("prepare-meeting")).getText()).contains("Het Baken");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(notifications()).contains("Nog niet alles is goed ingevuld; zie de velden.");
        NotificationsKt.clearNotifications();
        _setValue(_get(TextArea.class, spec -> spec.withId("prepare-note")), "Samen vragen opgeschreven");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(MyMatchesView.class);

        // After the meeting she is asked for her follow-up.
        String instance = instanceOf(match.matchId());
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).timers()
                .activityId(SupportProcess.EVENT_MEETING_OVER).singleResult().getId());
        WorkItem followUp = matching.awaitTask(petra.username(), match.matchId().toString(), SupportProcess.TASK_FOLLOW_UP_SCHOOL_MEETING);
        UI.getCurrent().navigate(FollowUpSchoolMeetingView.class, followUp.id());
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> tookPlace = _get(RadioButtonGroup.class, spec -> spec.withId("follow-up-took-place"));
        _setValue(tookPlace, true);
        _setValue(_get(Checkbox.class, spec -> spec.withId("follow-up-message-sent")), true);
        _setValue(_get(TextArea.class, spec -> spec.withId("follow-up-notes")), "Afspraak over een time-outplek");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        SchoolMeeting held = world.as(petra.username(), () -> records.meeting(planned.id()));
        assertThat(held.status()).isEqualTo(MeetingStatus.HELD);
        assertThat(held.preparationNote()).contains("Samen vragen opgeschreven");
        assertThat(held.messageSent()).contains(true);

        // Another meeting, moved and then cancelled on screen.
        UI.getCurrent().navigate(MatchSupportView.class, match.matchId().toString());
        LocalDate later = LocalDate.now(clock).plusDays(10);
        fillMeeting(_get(MeetingForm.class, spec -> spec.withId("meeting-form")), later, LocalTime.of(9, 0), LocalTime.of(10, 0), "De Regenboog");
        _click(_get(Button.class, spec -> spec.withId("meeting-save")));
        NotificationsKt.clearNotifications();
        SchoolMeeting second = world.as(petra.username(), () -> records.open(match.matchId())).meetings().stream()
                .filter(m -> m.status() == MeetingStatus.PLANNED).findFirst().orElseThrow();
        _click(_get(Button.class, spec -> spec.withId("meeting-move-" + second.id())));
        Component moveForm = _get(MeetingForm.class, spec -> spec.withId("meeting-move-form"));
        _setValue(_get(moveForm, DatePicker.class, spec -> spec.withId("meeting-date")), later.plusDays(2));
        _click(_get(moveForm, Button.class, spec -> spec.withId("meeting-save")));
        assertThat(notifications()).contains("Het schoolgesprek is verzet.");
        NotificationsKt.clearNotifications();
        assertThat(world.as(petra.username(), () -> records.meeting(second.id())).startsAt())
                .isEqualTo(later.plusDays(2).atTime(9, 0).atZone(clock.getZone()).toInstant());
        _click(_get(Button.class, spec -> spec.withId("meeting-cancel-" + second.id())));
        assertThat(world.as(petra.username(), () -> records.meeting(second.id())).status()).isEqualTo(MeetingStatus.CANCELLED);
        assertThat(managementService.createJobQuery().processInstanceId(instance).timers()
                .activityId(SupportProcess.EVENT_PREPARE_MEETING_DUE).count()).isZero();

        // Another buddy opening this match sees a refusal and no forms.
        openAppAs(quinta.username());
        UI.getCurrent().navigate(MatchSupportView.class, match.matchId().toString());
        assertThat(_get(Paragraph.class, spec -> spec.withId("match-support-problem")).getText()).isEqualTo("Dit is niet jouw koppeling.");
        _assertNone(Button.class, spec -> spec.withId("meeting-save"));
        _assertNone(Button.class, spec -> spec.withId("concern-raise"));
        _assertNone(Button.class, spec -> spec.withId("end-early-submit"));
        UI.getCurrent().navigate(FollowUpSchoolMeetingView.class, followUp.id());
        _assertNone(Button.class, spec -> spec.withId("complete-task"));
    }

    @Test
    void the_coordinator_lists_matches_opens_the_case_checks_in_handles_the_concern_and_closes_at_the_review() {
        MatchingWorld.Scene scene = matching.scene();
        MatchingWorld.Scene other = matching.scene();
        MatchingWorld.Buddy rosa = matching.certifiedBuddy(scene, buddy("rosa"));
        BuddyMatch match = activeWithSupport(scene, rosa);
        UUID matchId = match.matchId();
        world.as(rosa.username(), () -> support.raiseConcern(matchId, new NewConcern("Ouder is boos op school", ConcernUrgency.URGENT)));
        world.as(scene.coordinator(), () -> {
            support.checkInNow(matchId);
            return null;
        });
        WorkItem checkIn = matching.awaitTask(scene.coordinator(), matchId.toString(), SupportProcess.TASK_CHECK_IN);
        WorkItem concern = matching.awaitTask(scene.coordinator(), matchId.toString(), SupportProcess.TASK_DISCUSS_CONCERN);

        // The list of the region's matches opens the case view.
        openAppAs(scene.coordinator());
        UI.getCurrent().navigate(MatchListView.class);
        @SuppressWarnings("unchecked")
        Grid<MatchLine> grid = _get(Grid.class, spec -> spec.withId("matches-grid"));
        List<MatchLine> lines = GridKt._findAll(grid);
        assertThat(lines).extracting(MatchLine::reference).contains(match.reference());
        GridKt._clickItem(grid, lines.stream().map(MatchLine::reference).toList().indexOf(match.reference()));
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(MatchCaseView.class);
        assertThat(_get(Span.class, spec -> spec.withId("match-case-summary")).getText()).contains("actief", scene.region().value());
        assertThat(_get(Component.class, spec -> spec.withId("support-concerns")).getElement().getTextRecursively())
                .contains("Ouder is boos op school");
        assertThat(_get(Span.class, spec -> spec.withId("match-case-contact-count")).getText()).startsWith("0 contacten");
        assertThat(_get(CaseTasks.class, spec -> spec.withId("case-tasks")).getElement().getTextRecursively())
                .contains("Check-in bij de buddy", "Zorg bespreken");
        _get(CaseTimeline.class, spec -> spec.withId("match-case-timeline"));

        // The check-in.
        UI.getCurrent().navigate(CheckInView.class, checkIn.id());
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(notifications()).contains("Nog niet alles is goed ingevuld; zie de velden.");
        NotificationsKt.clearNotifications();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<HowItGoes> going = _get(RadioButtonGroup.class, spec -> spec.withId("check-in-going"));
        _setValue(going, HowItGoes.FAIR);
        _setValue(_get(TextArea.class, spec -> spec.withId("check-in-notes")), "Buddy heeft het druk");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));

        // The concern, handled within a working day.
        UI.getCurrent().navigate(DiscussConcernView.class, concern.id());
        assertThat(_get(Paragraph.class, spec -> spec.withId("concern-raised")).getText()).contains("Dringend", "Ouder is boos op school");
        _setValue(_get(TextArea.class, spec -> spec.withId("concern-outcome")), "Gebeld, buddy gerustgesteld");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        MatchCase afterwards = world.as(scene.coordinator(), () -> records.open(matchId));
        assertThat(afterwards.checkIns()).singleElement().satisfies(c -> assertThat(c.going()).isEqualTo(HowItGoes.FAIR));
        assertThat(afterwards.concerns()).singleElement().satisfies(c -> assertThat(c.outcome()).contains("Gebeld, buddy gerustgesteld"));

        // A coordinator of another region is refused the case and the task.
        openAppAs(other.coordinator());
        UI.getCurrent().navigate(MatchCaseView.class, matchId.toString());
        assertThat(_get(Paragraph.class, spec -> spec.withId("match-case-problem")).getText()).isEqualTo("Dit valt buiten jouw regio's of rol.");
        UI.getCurrent().navigate(MatchListView.class);
        @SuppressWarnings("unchecked")
        Grid<MatchLine> otherGrid = _get(Grid.class, spec -> spec.withId("matches-grid"));
        assertThat(GridKt._findAll(otherGrid)).extracting(MatchLine::reference).doesNotContain(match.reference());

        // The review: no extensions left, so only closing is offered, and closing needs a reason.
        String instance = instanceOf(matchId);
        runtimeService.setVariable(instance, SupportProcess.Variables.EXTENSIONS, 2L);
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).timers()
                .activityId(SupportProcess.EVENT_REVIEW_DUE).singleResult().getId());
        WorkItem review = matching.awaitTask(scene.coordinator(), matchId.toString(), SupportProcess.TASK_REVIEW_MATCH);
        UI.getCurrent().navigate(ReviewMatchView.class, review.id());
        assertThat(_get(Paragraph.class, spec -> spec.withId("task-problem")).getText()).isEqualTo("Dit valt buiten jouw regio's of rol.");
        openAppAs(scene.coordinator());
        UI.getCurrent().navigate(ReviewMatchView.class, review.id());
        @SuppressWarnings("unchecked")
        RadioButtonGroup<ReviewDecision> decision = _get(RadioButtonGroup.class, spec -> spec.withId("review-decision"));
        assertThat(decision.getListDataView().getItems().toList()).containsExactly(ReviewDecision.CLOSE);
        _setValue(decision, ReviewDecision.CLOSE);
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(notifications()).contains("Nog niet alles is goed ingevuld; zie de velden.");
        NotificationsKt.clearNotifications();
        @SuppressWarnings("unchecked")
        Select<ClosureReason> reason = _get(Select.class, spec -> spec.withId("review-closure-reason"));
        _setValue(reason, ClosureReason.GOAL_REACHED);
        _setValue(_get(TextArea.class, spec -> spec.withId("review-reason")), "Plan met school staat");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(matchmaking.matchFacts(matchId).orElseThrow().status()).isEqualTo(MatchStatus.ENDING);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void the_coordinator_ends_a_match_early_from_its_case_view_with_a_reason() {
        MatchingWorld.Scene scene = matching.scene();
        MatchingWorld.Buddy sara = matching.certifiedBuddy(scene, buddy("sara"));
        BuddyMatch match = activeWithSupport(scene, sara);

        openAppAs(scene.coordinator());
        UI.getCurrent().navigate(MatchCaseView.class, match.matchId().toString());
        _click(_get(Button.class, spec -> spec.withId("end-early-submit")));
        assertThat(notifications()).contains("Kies een reden voor het afsluiten.");
        NotificationsKt.clearNotifications();
        assertThat(matchmaking.matchFacts(match.matchId()).orElseThrow().status()).isEqualTo(MatchStatus.ACTIVE);
        @SuppressWarnings("unchecked")
        Select<ClosureReason> reason = _get(Select.class, spec -> spec.withId("end-early-reason"));
        _setValue(reason, ClosureReason.NO_CONTACT);
        _click(_get(Button.class, spec -> spec.withId("end-early-submit")));
        assertThat(matchmaking.matchFacts(match.matchId()).orElseThrow().status()).isEqualTo(MatchStatus.ENDING);
        assertThat(support.isRunning(match.matchId())).isFalse();
        _assertNone(Button.class, spec -> spec.withId("end-early-submit"));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private BuddyMatch activeWithSupport(MatchingWorld.Scene scene, MatchingWorld.Buddy buddy) {
        BuddyMatch match = supportWorld.activeMatch(scene, buddy);
        await().until(() -> support.isRunning(match.matchId()));
        return match;
    }

    private String instanceOf(UUID matchId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(SupportProcess.PROCESS_ID)
                .variableValueEquals(SupportProcess.Variables.MATCH_ID, matchId.toString()).singleResult().getId();
    }

    private static void fillMeeting(Component in, LocalDate on, LocalTime from, LocalTime until, String school) {
        _setValue(_get(in, DatePicker.class, spec -> spec.withId("meeting-date")), on);
        _setValue(_get(in, TimePicker.class, spec -> spec.withId("meeting-from")), from);
        _setValue(_get(in, TimePicker.class, spec -> spec.withId("meeting-until")), until);
        _setValue(_get(in, TextField.class, spec -> spec.withId("meeting-school")), school);
        _setValue(_get(in, TextArea.class, spec -> spec.withId("meeting-purpose")), "Gesprek met mentor");
    }

    private static List<String> notifications() {
        return NotificationsKt.getNotifications().stream().map((Notification n) -> n.getElement().getProperty("text")).toList();
    }
}
