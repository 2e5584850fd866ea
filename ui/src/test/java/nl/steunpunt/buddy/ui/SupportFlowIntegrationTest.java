package nl.steunpunt.buddy.ui;

import static nl.steunpunt.buddy.ui.MatchingWorld.await;
import static nl.steunpunt.buddy.ui.MatchingWorld.buddy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.steunpunt.buddy.matching.BuddyMatch;
import nl.steunpunt.buddy.matching.ClosureReason;
import nl.steunpunt.buddy.matching.MatchEndings;
import nl.steunpunt.buddy.matching.MatchStatus;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.processes.SupportProcess;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.support.ConcernUrgency;
import nl.steunpunt.buddy.support.HowItGoes;
import nl.steunpunt.buddy.support.MatchCase;
import nl.steunpunt.buddy.support.MeetingPlan;
import nl.steunpunt.buddy.support.MeetingStatus;
import nl.steunpunt.buddy.support.NewCheckIn;
import nl.steunpunt.buddy.support.NewConcern;
import nl.steunpunt.buddy.support.SupportRecords;
import nl.steunpunt.buddy.ui.MatchingWorld.Buddy;
import nl.steunpunt.buddy.ui.MatchingWorld.Scene;
import nl.steunpunt.buddy.workflow.Phase;
import nl.steunpunt.buddy.workflow.SupportActions;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;
import nl.steunpunt.buddy.workflow.internal.WorkingDays;

/**
 * Begeleiding through the whole app, from an activated match: its support process starts once, the
 * check-ins come after two weeks and then every six weeks, a school meeting brings the buddy her
 * preparation and follow-up (moved meetings are calculated again), a concern reaches the
 * coordinators within a working day, the review extends at most twice and then closes, an early end
 * ends support; each end is announced once, and no written text ever reaches the engine.
 */
class SupportFlowIntegrationTest extends ApplicationTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @Autowired TestWorld world;
    @Autowired MatchingWorld matching;
    @Autowired SupportWorld supportWorld;
    @Autowired MatchingEvents matchingEvents;
    @Autowired SupportEvents supportEvents;
    @Autowired SupportActions support;
    @Autowired SupportRecords records;
    @Autowired MatchEndings endings;
    @Autowired Matchmaking matchmaking;
    @Autowired WorkItems workItems;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired ApplicationEventPublisher publisher;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired TestClock clock;

    private final List<String> texts = new ArrayList<>();

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        clock.reset();
        world.signOut();
    }

    @Test
    void an_active_match_is_supported_until_the_review_closes_it_after_two_extensions() {
        Scene scene = matching.scene();
        List<Buddy> buddies = matching.certifiedBuddies(scene, buddy("anna"), buddy("bea"));
        Buddy anna = buddies.get(0);
        Buddy bea = buddies.get(1);
        BuddyMatch match = supportWorld.activeMatch(scene, anna);
        UUID matchId = match.matchId();
        String instance = awaitSupport(matchId);

        // Started once, also when the activation is delivered again.
        var activated = matchingEvents.activated(match.request()).get(0);
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> publisher.publishEvent(activated));
        sleep(Duration.ofSeconds(3));
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(SupportProcess.PROCESS_ID)
                .variableValueEquals(SupportProcess.Variables.MATCH_ID, matchId.toString()).count()).isEqualTo(1);
        var process = historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult();
        assertThat(process.getBusinessKey()).isEqualTo(match.reference());
        assertThat(runtimeService.getVariable(instance, SupportProcess.Variables.BUDDY_USER_ID)).isEqualTo(anna.username());
        Instant started = process.getStartTime().toInstant();

        // The first check-in after two weeks, the next six weeks later; a coordinator's task, due in five working days.
        Job firstCheckIn = timer(instance, SupportProcess.EVENT_CHECK_IN_DUE);
        Instant firstDue = started.atZone(ZONE).plusDays(14).toInstant();
        assertThat(firstCheckIn.getDuedate().toInstant()).isBetween(firstDue.minusSeconds(2), firstDue.plusSeconds(2));
        fireAt(firstCheckIn);
        WorkItem checkIn = matching.awaitTask(scene.coordinator(), matchId.toString(), SupportProcess.TASK_CHECK_IN);
        assertThat(checkIn.phase()).isEqualTo(Phase.SUPPORT);
        assertThat(checkIn.caseReference()).isEqualTo(match.reference());
        assertThat(checkIn.formKey()).isEqualTo(SupportProcess.Forms.CHECK_IN);
        assertThat(checkIn.due()).contains(WorkingDays.add(LocalDate.ofInstant(firstCheckIn.getDuedate().toInstant(), ZONE), 5)
                .atTime(17, 0).atZone(ZONE).toInstant());
        assertThat(matching.tasksOf(anna.username(), matchId.toString())).isEmpty();
        Job secondCheckIn = timer(instance, SupportProcess.EVENT_CHECK_IN_DUE);
        assertThat(secondCheckIn.getDuedate().toInstant()).isEqualTo(firstCheckIn.getDuedate().toInstant().atZone(ZONE)
                .plusDays(42).toInstant());
        complete(scene.coordinator(), checkIn, Map.of(), () -> records.recordCheckIn(matchId,
                new NewCheckIn(LocalDate.now(clock), HowItGoes.WELL, text("Loopt goed, ouder voelt zich gehoord"), text("Over zes weken"))));
        fireAt(secondCheckIn);
        await().until(() -> tasks(scene.coordinator(), matchId, SupportProcess.TASK_CHECK_IN).size() == 1);

        // A school meeting: moved, then prepared two days before and followed up right after.
        LocalDate in5 = LocalDate.now(clock).plusDays(5);
        UUID meeting = world.as(anna.username(), () -> support.planSchoolMeeting(matchId,
                new MeetingPlan(in5, LocalTime.of(10, 0), LocalTime.of(11, 0), text("Het Baken"), text("OPP bespreken met mentor"))));
        assertThat(timer(instance, SupportProcess.EVENT_PREPARE_MEETING_DUE).getDuedate().toInstant())
                .isEqualTo(in5.atTime(10, 0).atZone(ZONE).toInstant().minus(Duration.ofDays(2)));
        LocalDate in8 = in5.plusDays(3);
        world.as(anna.username(), () -> {
            support.moveSchoolMeeting(meeting, new MeetingPlan(in8, LocalTime.of(14, 0), LocalTime.of(15, 30), "Het Baken", "OPP bespreken"));
            return null;
        });
        Job prepare = timer(instance, SupportProcess.EVENT_PREPARE_MEETING_DUE);
        Instant startsAt = in8.atTime(14, 0).atZone(ZONE).toInstant();
        assertThat(prepare.getDuedate().toInstant()).isEqualTo(startsAt.minus(Duration.ofDays(2)));
        managementService.executeJob(prepare.getId());
        WorkItem preparation = matching.awaitTask(anna.username(), matchId.toString(), SupportProcess.TASK_PREPARE_SCHOOL_MEETING);
        assertThat(preparation.assignee()).contains(anna.username());
        assertThat(preparation.due()).contains(startsAt);
        assertThat(world.as(anna.username(), () -> support.meetingOf(preparation.id()))).isEqualTo(meeting);
        assertThat(matching.tasksOf(bea.username(), matchId.toString())).isEmpty();
        complete(anna.username(), preparation, Map.of(), () -> records.recordPreparation(meeting, text("Vragen voor de mentor opgeschreven")));
        Job over = timer(instance, SupportProcess.EVENT_MEETING_OVER);
        Instant endsAt = in8.atTime(15, 30).atZone(ZONE).toInstant();
        assertThat(over.getDuedate().toInstant()).isEqualTo(endsAt);
        managementService.executeJob(over.getId());
        WorkItem followUp = matching.awaitTask(anna.username(), matchId.toString(), SupportProcess.TASK_FOLLOW_UP_SCHOOL_MEETING);
        assertThat(followUp.due()).contains(endsAt.plus(Duration.ofDays(3)));
        complete(anna.username(), followUp, Map.of(), () -> records.recordFollowUp(meeting, true, true, text("Afspraak: time-outplek")));

        // A cancelled meeting leaves nothing behind.
        UUID cancelled = world.as(anna.username(), () -> support.planSchoolMeeting(matchId,
                new MeetingPlan(in5, LocalTime.of(9, 0), LocalTime.of(9, 30), "Het Baken", null)));
        assertThat(timers(instance, SupportProcess.EVENT_PREPARE_MEETING_DUE)).hasSize(1);
        world.as(anna.username(), () -> {
            support.cancelSchoolMeeting(cancelled);
            return null;
        });
        assertThat(timers(instance, SupportProcess.EVENT_PREPARE_MEETING_DUE)).isEmpty();

        // Another buddy is refused, and nothing is stored.
        assertThatThrownBy(() -> world.as(bea.username(), () -> support.planSchoolMeeting(matchId,
                new MeetingPlan(in5, LocalTime.of(9, 0), LocalTime.of(10, 0), "Het Baken", null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> world.as(bea.username(), () -> support.raiseConcern(matchId,
                new NewConcern("Niet van mij", ConcernUrgency.URGENT)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> world.as(anna.username(), () -> support.planSchoolMeeting(matchId,
                new MeetingPlan(in5, LocalTime.of(11, 0), LocalTime.of(10, 0), "Het Baken", null))))
                .isInstanceOf(InvalidInputException.class);
        MatchCase soFar = world.as(scene.coordinator(), () -> records.open(matchId));
        assertThat(soFar.meetings()).extracting(m -> m.status()).containsExactly(MeetingStatus.CANCELLED, MeetingStatus.HELD);
        assertThat(soFar.concerns()).isEmpty();

        // A concern: the coordinators' task, due at the end of the next working day.
        UUID concern = world.as(anna.username(), () -> support.raiseConcern(matchId,
                new NewConcern(text("Moeder is uitgeput en wil misschien stoppen"), ConcernUrgency.URGENT)));
        WorkItem discuss = matching.awaitTask(scene.coordinator(), matchId.toString(), SupportProcess.TASK_DISCUSS_CONCERN);
        assertThat(discuss.due()).contains(WorkingDays.add(LocalDate.ofInstant(discuss.created(), ZONE), 1).atTime(17, 0)
                .atZone(ZONE).toInstant());
        assertThat(world.as(scene.coordinator(), () -> support.concernOf(discuss.id()))).isEqualTo(concern);
        complete(scene.coordinator(), discuss, Map.of(), () -> records.handleConcern(concern, text("Gebeld met de buddy"), text("Extra check-in")));

        // The review after six months: extended twice, then no third extension, then closed with a reason.
        Job review = timer(instance, SupportProcess.EVENT_REVIEW_DUE);
        // The engine adds calendar months in the JVM's zone.
        Instant sixMonths = started.atZone(ZoneId.systemDefault()).plusMonths(6).toInstant();
        assertThat(review.getDuedate().toInstant()).isBetween(sixMonths.minusSeconds(2), sixMonths.plusSeconds(2));
        managementService.executeJob(review.getId());
        for (int extension = 1; extension <= 2; extension++) {
            WorkItem reviewTask = matching.awaitTask(scene.coordinator(), matchId.toString(), SupportProcess.TASK_REVIEW_MATCH);
            assertThat(world.as(scene.coordinator(), () -> support.reviewOptions(reviewTask.id())).canExtend()).isTrue();
            world.as(scene.coordinator(), () -> {
                support.extend(reviewTask.id(), text("Nog een traject nodig"));
                return null;
            });
            int number = extension;
            await().until(() -> world.as(scene.coordinator(), () -> records.open(matchId)).extensions().size() == number);
            Job extensionOver = await().until(() -> timers(instance, SupportProcess.EVENT_EXTENSION_OVER), l -> l.size() == 1).get(0);
            Instant threeMonths = Instant.now().atZone(ZoneId.systemDefault()).plusMonths(3).toInstant();
            assertThat(extensionOver.getDuedate().toInstant()).isBetween(threeMonths.minusSeconds(60), threeMonths.plusSeconds(60));
            managementService.executeJob(extensionOver.getId());
        }
        WorkItem lastReview = matching.awaitTask(scene.coordinator(), matchId.toString(), SupportProcess.TASK_REVIEW_MATCH);
        assertThat(world.as(scene.coordinator(), () -> support.reviewOptions(lastReview.id())).canExtend()).isFalse();
        assertThatThrownBy(() -> world.as(scene.coordinator(), () -> {
            support.extend(lastReview.id(), "Nog eens");
            return null;
        })).isInstanceOf(InvalidInputException.class).hasFieldOrPropertyWithValue("messageKey", "error.review.no-extensions-left");
        assertThatThrownBy(() -> world.as(scene.coordinator(), () -> {
            support.close(lastReview.id(), null, "Zonder reden");
            return null;
        })).isInstanceOf(InvalidInputException.class);
        assertThat(supportEvents.ended(matchId)).isEmpty();
        assertThat(world.as(anna.username(), () -> records.open(matchId)).checkIns()).as("the buddy does not see check-ins").isEmpty();
        world.as(scene.coordinator(), () -> {
            support.close(lastReview.id(), ClosureReason.GOAL_REACHED, text("Doel bereikt, school en ouder hebben een plan"));
            return null;
        });

        assertThat(supportEvents.ended(matchId)).singleElement().satisfies(e -> {
            assertThat(e.businessKey()).isEqualTo(match.reference());
            assertThat(e.helpRequest()).isEqualTo(match.request());
            assertThat(e.region()).isEqualTo(scene.region());
            assertThat(e.buddyUserId()).isEqualTo(anna.username());
        });
        assertThat(matchmaking.matchFacts(matchId).orElseThrow().status()).isEqualTo(MatchStatus.ENDING);
        assertThat(world.as(scene.coordinator(), () -> endings.closure(matchId)).orElseThrow().reason()).isEqualTo(ClosureReason.GOAL_REACHED);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getEndTime()).isNotNull();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId(SupportProcess.EVENT_SUPPORT_ENDED).count()).isEqualTo(1);
        MatchCase closed = world.as(scene.coordinator(), () -> records.open(matchId));
        assertThat(closed.extensions()).hasSize(2);
        assertThat(closed.reviews()).extracting(r -> r.decision().name()).containsExactly("EXTEND", "EXTEND", "CLOSE");
        assertThat(closed.active()).isFalse();
        assertThat(world.as(scene.coordinator(), () -> records.readersOf(matchId))).contains(scene.coordinator(), anna.username());

        // Nothing more once the match is no longer active.
        assertThatThrownBy(() -> world.as(anna.username(), () -> support.raiseConcern(matchId,
                new NewConcern("Nog iets", ConcernUrgency.NORMAL)))).isInstanceOf(InvalidInputException.class);

        assertNoTextInTheEngine(instance);
    }

    @Test
    void the_buddy_ends_the_match_early_and_support_ends_once() {
        Scene scene = matching.scene();
        Buddy anna = matching.certifiedBuddy(scene, buddy("anna"));
        BuddyMatch match = supportWorld.activeMatch(scene, anna);
        UUID matchId = match.matchId();
        String instance = awaitSupport(matchId);
        UUID meeting = world.as(anna.username(), () -> support.planSchoolMeeting(matchId, new MeetingPlan(LocalDate.now(clock).plusDays(10),
                LocalTime.of(10, 0), LocalTime.of(11, 0), text("De Regenboog"), text("Gesprek over schorsing"))));
        assertThat(meeting).isNotNull();

        assertThatThrownBy(() -> world.as(anna.username(), () -> {
            support.endEarly(matchId, null, "Zonder reden");
            return null;
        })).isInstanceOf(InvalidInputException.class);
        assertThat(supportEvents.ended(matchId)).isEmpty();
        world.as(anna.username(), () -> {
            support.endEarly(matchId, ClosureReason.PARENT_STOPS, text("Ouder wil het zelf verder doen"));
            return null;
        });

        assertThat(supportEvents.ended(matchId)).singleElement()
                .satisfies(e -> assertThat(e.businessKey()).isEqualTo(match.reference()));
        assertThat(matchmaking.matchFacts(matchId).orElseThrow().status()).isEqualTo(MatchStatus.ENDING);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId(SupportProcess.EVENT_ENDED_EARLY).count()).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(managementService.createJobQuery().processInstanceId(instance).count()).isZero();
        assertThatThrownBy(() -> world.as(anna.username(), () -> {
            support.endEarly(matchId, ClosureReason.PARENT_STOPS, null);
            return null;
        })).isInstanceOf(InvalidInputException.class);
        assertThat(supportEvents.ended(matchId)).hasSize(1);
        assertNoTextInTheEngine(instance);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private String awaitSupport(UUID matchId) {
        return await().until(() -> runtimeService.createProcessInstanceQuery().processDefinitionKey(SupportProcess.PROCESS_ID)
                .variableValueEquals(SupportProcess.Variables.MATCH_ID, matchId.toString()).list(), l -> l.size() == 1).get(0).getId();
    }

    private List<Job> timers(String instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance).timers().activityId(activityId).list();
    }

    private Job timer(String instance, String activityId) {
        List<Job> timers = timers(instance, activityId);
        assertThat(timers).as(activityId).hasSize(1);
        return timers.get(0);
    }

    /** Fires a timer as the job executor would when its time came: the engine's clock stands at its due date meanwhile. */
    private void fireAt(Job timer) {
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plus(1, ChronoUnit.SECONDS)));
        try {
            managementService.executeJob(timer.getId());
        } finally {
            ClockUtil.reset();
        }
    }

    private List<WorkItem> tasks(String username, UUID matchId, String definitionKey) {
        return matching.tasksOf(username, matchId.toString()).stream().filter(t -> t.definitionKey().equals(definitionKey)).toList();
    }

    private void complete(String username, WorkItem task, Map<String, Object> routing, Runnable action) {
        world.as(username, () -> {
            workItems.complete(task.id(), routing, action);
            return null;
        });
    }

    /** Remembers a text written into the app, to look for it in the engine afterwards. */
    private String text(String value) {
        texts.add(value);
        return value;
    }

    private void assertNoTextInTheEngine(String instance) {
        List<Object> values = new ArrayList<>();
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).list()) {
            values.add(variable.getValue());
        }
        for (HistoricDetail detail : historyService.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().list()) {
            values.add(((HistoricVariableUpdate) detail).getValue());
        }
        assertThat(values).isNotEmpty().allSatisfy(value -> {
            assertThat(value == null || value instanceof String || value instanceof Number || value instanceof Boolean).isTrue();
            texts.forEach(text -> assertThat(String.valueOf(value)).doesNotContain(text));
        });
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
