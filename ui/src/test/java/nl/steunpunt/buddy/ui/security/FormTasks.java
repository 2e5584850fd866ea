package nl.steunpunt.buddy.ui.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.closure.BuddyScores;
import nl.steunpunt.buddy.closure.Closures;
import nl.steunpunt.buddy.intervisie.Attendance;
import nl.steunpunt.buddy.intervisie.Intervisie;
import nl.steunpunt.buddy.intervisie.NewGroup;
import nl.steunpunt.buddy.intervisie.SessionKind;
import nl.steunpunt.buddy.intervisie.SessionPlan;
import nl.steunpunt.buddy.matching.BuddyMatch;
import nl.steunpunt.buddy.matching.ClosureReason;
import nl.steunpunt.buddy.matching.DepartureReason;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.processes.BuddyOffboardingProcess;
import nl.steunpunt.buddy.processes.ClosureProcess;
import nl.steunpunt.buddy.processes.IntervisieProcess;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.processes.SupportProcess;
import nl.steunpunt.buddy.processes.TrainingProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.ApplicationStatus;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.support.MeetingPlan;
import nl.steunpunt.buddy.training.CatalogueItem;
import nl.steunpunt.buddy.training.NewSession;
import nl.steunpunt.buddy.training.Training;
import nl.steunpunt.buddy.ui.ClosureWorld;
import nl.steunpunt.buddy.ui.MatchingWorld;
import nl.steunpunt.buddy.ui.SupportWorld;
import nl.steunpunt.buddy.ui.TestClock;
import nl.steunpunt.buddy.ui.TestWorld;
import nl.steunpunt.buddy.workflow.BuddyOffboarding;
import nl.steunpunt.buddy.workflow.IntervisieCycle;
import nl.steunpunt.buddy.workflow.SupportActions;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * An open task of every form key the access matrix's world does not already have, each made through
 * the app's own APIs in a region of its own (so no other test's subjects are touched): recruitment
 * at every step and its two escalations, training at make-up, progress check and sign-off, matching
 * at intake, proposal, escalation, first contact and introduction, support at check-in and the school
 * meeting's follow-up, intervisie at recording and the check-in after twice missed, closure at the
 * closing conversation and the appreciation, and offboarding at the exit conversation and the
 * hand-over. The tasks stay open: {@link BadInputFormsTest} only ever submits them rolled back.
 */
@Component
class FormTasks {

    private final TestWorld world;
    private final MatchingWorld matching;
    private final SupportWorld support;
    private final ClosureWorld closure;
    private final LocalAccounts accounts;
    private final Applications applications;
    private final Training training;
    private final Matchmaking matchmaking;
    private final WorkItems workItems;
    private final SupportActions supportActions;
    private final Closures closures;
    private final Intervisie intervisie;
    private final IntervisieCycle cycle;
    private final BuddyOffboarding offboarding;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final Clock clock;
    private final List<String> users = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    private boolean built;

    FormTasks(TestWorld world, MatchingWorld matching, SupportWorld support, ClosureWorld closure, LocalAccounts accounts,
            Applications applications, Training training, Matchmaking matchmaking, WorkItems workItems, SupportActions supportActions,
            Closures closures, Intervisie intervisie, IntervisieCycle cycle, BuddyOffboarding offboarding, RuntimeService runtimeService,
            ManagementService managementService, Clock clock) {
        this.world = world;
        this.matching = matching;
        this.support = support;
        this.closure = closure;
        this.accounts = accounts;
        this.applications = applications;
        this.training = training;
        this.matchmaking = matchmaking;
        this.workItems = workItems;
        this.supportActions = supportActions;
        this.closures = closures;
        this.intervisie = intervisie;
        this.cycle = cycle;
        this.offboarding = offboarding;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.clock = clock;
    }

    synchronized void ensure() {
        if (built) {
            return;
        }
        built = true;
        world.ensure();
        MatchingWorld.Scene scene = matching.scene();
        users.addAll(List.of(scene.coordinator(), scene.trainer(), scene.admin()));
        CompletableFuture<Void> recruitment = CompletableFuture.runAsync(() -> attempt("recruitment", this::recruitment));
        CompletableFuture<Void> trainees = CompletableFuture.runAsync(() -> attempt("training", () -> training(scene)));
        List<MatchingWorld.Buddy> buddies = matching.certifiedBuddies(scene, MatchingWorld.buddy("fa").maxMatches(4),
                MatchingWorld.buddy("fb").maxMatches(4), MatchingWorld.buddy("fc").maxMatches(4), MatchingWorld.buddy("fd").maxMatches(4),
                MatchingWorld.buddy("fe").maxMatches(4), MatchingWorld.buddy("ff").maxMatches(4), MatchingWorld.buddy("fg").maxMatches(4));
        buddies.forEach(b -> users.add(b.username()));
        attempt("matching", () -> matchingTasks(scene, buddies));
        attempt("support", () -> supportTasks(scene, buddies.get(2)));
        attempt("closure", () -> closureTasks(scene, buddies.get(3), buddies.get(6)));
        attempt("offboarding", () -> offboardingTasks(scene, buddies.get(4), buddies.get(5)));
        attempt("intervisie", () -> intervisieTasks(scene, buddies));
        recruitment.join();
        trainees.join();
        world.signOut();
    }

    /** What could not be made: the guard of {@link BadInputFormsTest} then names the screen that was not driven. */
    List<String> failures() {
        return failures;
    }

    private void attempt(String what, Runnable scenario) {
        try {
            scenario.run();
        } catch (RuntimeException e) {
            failures.add(what + ": " + e);
            e.printStackTrace();
        }
    }

    List<String> users() {
        return users;
    }

    // ---- recruitment, in region TEST-A with coordinator A and manager A ---------------------------

    private void recruitment() {
        List<String> steps = List.of(RecruitmentProcess.TASK_SCREEN_APPLICATION, RecruitmentProcess.TASK_SCHEDULE_INTAKE,
                RecruitmentProcess.TASK_HOLD_INTAKE, RecruitmentProcess.TASK_ASSESS_SUITABILITY, RecruitmentProcess.TASK_DECIDE);
        for (String step : steps) {
            world.advance(world.apply(TestWorld.REGION_A), step);
        }
        ApplicationId overdue = world.apply(TestWorld.REGION_A);
        WorkItem screening = world.awaitTask(TestWorld.COORDINATOR_A, overdue, RecruitmentProcess.TASK_SCREEN_APPLICATION);
        fireTimer(screening.caseReference(), RecruitmentProcess.EVENT_SCREENING_OVERDUE);
        world.awaitTask(TestWorld.MANAGER_A, overdue, RecruitmentProcess.TASK_DISCUSS_OVERDUE_SCREENING);

        ApplicationId vog = world.apply(TestWorld.REGION_A);
        world.advance(vog, null);
        String reference = world.as(TestWorld.COORDINATOR_A, () -> applications.open(vog).reference());
        MatchingWorld.await().until(() -> runtimeService.createExecutionQuery().processInstanceBusinessKey(reference)
                .messageEventSubscriptionName(RecruitmentProcess.Messages.VOG_RECEIVED).count() == 1);
        fireTimer(reference, RecruitmentProcess.EVENT_VOG_OVERDUE);
        world.awaitTask(TestWorld.COORDINATOR_A, vog, RecruitmentProcess.TASK_CHASE_VOG);
    }

    private void fireTimer(String businessKey, String timerId) {
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
        fireTimerOf(instance, timerId);
    }

    private void fireTimerOf(String instance, String timerId) {
        String job = MatchingWorld.await().until(() -> managementService.createJobQuery().processInstanceId(instance).timers()
                .activityId(timerId).singleResult(), j -> j != null).getId();
        managementService.executeJob(job);
    }

    // ---- training: three trainees of the scene's region ----------------------------------------

    private void training(MatchingWorld.Scene scene) {
        List<ApplicationId> trainees = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ApplicationId id = applications.submit(world.newApplication(scene.region(), "trainee-" + UUID.randomUUID() + "@example.org",
                    "nl"), UUID.randomUUID());
            world.advance(id, null, scene.coordinator());
            world.as(scene.coordinator(), () -> {
                applications.registerVog(id, LocalDate.now(clock), LocalDate.now(clock).minusDays(5), true);
                return null;
            });
            MatchingWorld.await().until(() -> applications.status(id) == ApplicationStatus.SELECTED && training.isEnrolled(id));
            trainees.add(id);
        }
        // No progress: the coordinator checks.
        String instance = MatchingWorld.await().until(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(TrainingProcess.PROCESS_ID).variableValueEquals(TrainingProcess.Variables.TRAINEE_ID,
                        trainees.get(0).value().toString()).singleResult(), pi -> pi != null).getId();
        fireTimerOf(instance, TrainingProcess.EVENT_NO_PROGRESS);
        matching.awaitTask(scene.coordinator(), trainees.get(0).toString(), TrainingProcess.TASK_CHECK_PROGRESS);

        // A session: one trainee misses it (make-up), the other attends (sign-off).
        Set<String> modules = training.modules().stream().map(CatalogueItem::code).collect(Collectors.toSet());
        LocalDateTime start = LocalDateTime.now(clock).plusSeconds(3).withNano(0);
        UUID session = world.as(scene.trainer(), () -> training.scheduleSession(new NewSession(scene.region(), start, start.plusHours(3),
                "Steunpunt, zaal F", 50, modules)));
        Instant started = start.atZone(clock.getZone()).toInstant();
        MatchingWorld.await().until(() -> clock.instant().isAfter(started));
        world.as(scene.trainer(), () -> {
            training.recordAttendance(session, trainees.get(1), false);
            training.recordAttendance(session, trainees.get(2), true);
            return null;
        });
        matching.awaitTask(scene.coordinator(), trainees.get(1).toString(), TrainingProcess.TASK_PLAN_MAKE_UP);
        matching.awaitTask(scene.trainer(), trainees.get(2).toString(), TrainingProcess.TASK_SIGN_OFF);
    }

    // ---- matching --------------------------------------------------------------------------------

    private void matchingTasks(MatchingWorld.Scene scene, List<MatchingWorld.Buddy> buddies) {
        HelpRequestId intake = matching.request(scene).submit();
        matching.awaitTask(scene.coordinator(), intake, MatchingProcess.TASK_INTAKE_REQUEST);

        HelpRequestId propose = matching.request(scene).submit();
        matching.toProposeTask(scene, propose);

        // Three declines: the coordinators discuss the request.
        HelpRequestId escalate = matching.request(scene).submit();
        matching.toProposeTask(scene, escalate);
        for (int i = 0; i < 3; i++) {
            MatchingWorld.Buddy buddy = buddies.get(i);
            matching.propose(scene.coordinator(), escalate, buddy, "Zij past het best bij dit gezin");
            matching.answer(buddy, escalate, false, "Geen ruimte");
        }
        matching.awaitTask(scene.coordinator(), escalate, MatchingProcess.TASK_ESCALATE_MATCHING);

        // A starting match: the buddy's first contact; another one past it: the introduction.
        BuddyMatch starting = support.startingMatch(scene, buddies.get(0));
        matching.awaitTask(buddies.get(0).username(), starting.request(), MatchingProcess.TASK_FIRST_CONTACT);
        BuddyMatch introduced = support.startingMatch(scene, buddies.get(1));
        WorkItem firstContact = matching.awaitTask(buddies.get(1).username(), introduced.request(), MatchingProcess.TASK_FIRST_CONTACT);
        world.as(buddies.get(1).username(), () -> {
            workItems.complete(firstContact.id(), Map.of(), () -> matchmaking.recordFirstContact(introduced.request(), LocalDate.now(clock),
                    "Gebeld"));
            return null;
        });
        matching.awaitTask(scene.coordinator(), introduced.request(), MatchingProcess.TASK_INTRODUCTION_MEETING);
    }

    // ---- support: a check-in and a school meeting's follow-up ------------------------------------

    private void supportTasks(MatchingWorld.Scene scene, MatchingWorld.Buddy buddy) {
        BuddyMatch match = support.activeMatch(scene, buddy);
        UUID matchId = match.matchId();
        MatchingWorld.await().until(() -> supportActions.isRunning(matchId));
        world.as(scene.coordinator(), () -> {
            supportActions.checkInNow(matchId);
            return null;
        });
        matching.awaitTask(scene.coordinator(), matchId.toString(), SupportProcess.TASK_CHECK_IN);
        world.as(buddy.username(), () -> supportActions.planSchoolMeeting(matchId, new MeetingPlan(LocalDate.now(clock).plusDays(5),
                java.time.LocalTime.of(10, 0), java.time.LocalTime.of(11, 0), "Het Baken", "OPP bespreken")));
        String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(SupportProcess.PROCESS_ID)
                .variableValueEquals(SupportProcess.Variables.MATCH_ID, matchId.toString()).singleResult().getId();
        fireTimerOf(instance, SupportProcess.EVENT_PREPARE_MEETING_DUE);
        WorkItem prepare = matching.awaitTask(buddy.username(), matchId.toString(), SupportProcess.TASK_PREPARE_SCHOOL_MEETING);
        world.as(buddy.username(), () -> {
            workItems.complete(prepare.id(), Map.of(), () -> {
            });
            return null;
        });
        fireTimerOf(instance, SupportProcess.EVENT_MEETING_OVER);
        matching.awaitTask(buddy.username(), matchId.toString(), SupportProcess.TASK_FOLLOW_UP_SCHOOL_MEETING);
    }

    // ---- closure: a closing conversation, and an appreciation after the buddy's evaluation --------

    private void closureTasks(MatchingWorld.Scene scene, MatchingWorld.Buddy buddy, MatchingWorld.Buddy thanking) {
        ClosureWorld.Case ending = closure.activeCase(scene, buddy);
        closure.end(ending, ClosureReason.GOAL_REACHED);
        closure.awaitTask(scene.coordinator(), ending, ClosureProcess.TASK_CLOSING_CONVERSATION);

        ClosureWorld.Case thanked = closure.activeCase(scene, thanking);
        closure.end(thanked, ClosureReason.NO_CONTACT);
        closure.closingConversation(thanked, "Afgerond");
        WorkItem evaluation = closure.awaitTask(thanking.username(), thanked, ClosureProcess.TASK_BUDDY_EVALUATION);
        world.as(thanking.username(), () -> {
            workItems.complete(evaluation.id(), Map.of(), () -> closures.recordBuddyEvaluation(thanked.matchId(),
                    new BuddyScores(4, 4, 4, 4, 4), null));
            return null;
        });
        closure.awaitTask(scene.coordinator(), thanked, ClosureProcess.TASK_APPRECIATION);
    }

    // ---- offboarding: a buddy without matches (exit conversation), one with a match (hand-over) ---

    private void offboardingTasks(MatchingWorld.Scene scene, MatchingWorld.Buddy leaving, MatchingWorld.Buddy withMatch) {
        world.as(scene.coordinator(), () -> {
            offboarding.start(leaving.id(), DepartureReason.MOVED);
            return null;
        });
        matching.awaitTask(scene.coordinator(), leaving.id().toString(), BuddyOffboardingProcess.TASK_EXIT_CONVERSATION);
        support.activeMatch(scene, withMatch);
        world.as(scene.coordinator(), () -> {
            offboarding.start(withMatch.id(), DepartureReason.NO_TIME);
            return null;
        });
        matching.awaitTask(scene.coordinator(), withMatch.id().toString(), BuddyOffboardingProcess.TASK_HAND_OVER_MATCH);
    }

    // ---- intervisie: a session to record, and the check-in after a buddy missed twice -------------

    private void intervisieTasks(MatchingWorld.Scene scene, List<MatchingWorld.Buddy> buddies) {
        String facilitator = "facilitator.forms." + scene.region().value().toLowerCase(Locale.ROOT);
        accounts.save(facilitator, "Begeleider formulieren", TestWorld.PASSWORD, Set.of(Role.FACILITATOR), Set.of(scene.region()));
        users.add(facilitator);
        Set<ApplicationId> members = Set.of(buddies.get(0).id(), buddies.get(1).id(), buddies.get(2).id());
        UUID twice = world.as(facilitator, () -> intervisie.createGroup(new NewGroup(scene.region(), "Formulierengroep", SessionKind.INTERVISIE,
                members)));
        LocalDateTime previous = null;
        for (int round = 0; round < 2; round++) {
            matching.awaitTask(facilitator, twice.toString(), IntervisieProcess.TASK_PLAN_SESSION);
            // the next session falls some weeks after the previous one (the region's window)
            LocalDateTime start = previous == null ? soon() : previous.plusWeeks(7);
            previous = start;
            UUID session = world.as(facilitator, () -> cycle.plan(twice, new SessionPlan(start, start.plusHours(1), "Steunpunt, zaal F")));
            WorkItem record = pass(facilitator, twice, session);
            world.as(facilitator, () -> {
                workItems.complete(record.id(), Map.of(), () -> intervisie.record(session, Map.of(buddies.get(0).id(), Attendance.ABSENT,
                        buddies.get(1).id(), Attendance.PRESENT, buddies.get(2).id(), Attendance.PRESENT), Set.of()));
                return null;
            });
        }
        matching.awaitTask(scene.coordinator(), twice.toString(), IntervisieProcess.TASK_CHECK_IN_AFTER_MISSED);

        UUID once = world.as(facilitator, () -> intervisie.createGroup(new NewGroup(scene.region(), "Formulierengroep twee",
                SessionKind.INTERVISIE, members)));
        matching.awaitTask(facilitator, once.toString(), IntervisieProcess.TASK_PLAN_SESSION);
        pass(facilitator, once, planSoon(facilitator, once));
    }

    private UUID planSoon(String facilitator, UUID group) {
        LocalDateTime start = soon();
        return world.as(facilitator, () -> cycle.plan(group, new SessionPlan(start, start.plusHours(1), "Steunpunt, zaal F")));
    }

    /**
     * The start of an hour's session ten minutes from now, or tomorrow morning when that hour would run past midnight
     * (a session lies within one day; the shared test clock can stand at any time of day).
     */
    private LocalDateTime soon() {
        LocalDateTime start = LocalDateTime.now(clock).plusMinutes(10).withSecond(0).withNano(0);
        return start.plusHours(1).toLocalDate().equals(start.toLocalDate()) ? start : start.toLocalDate().plusDays(1).atTime(10, 0);
    }

    /** Moves the clock past the session's end and fires the timer: the record task opens. */
    private WorkItem pass(String facilitator, UUID group, UUID session) {
        Instant end = world.as(facilitator, () -> intervisie.sessionEndsAt(session));
        if (!clock.instant().isAfter(end)) {
            ((TestClock) clock).advance(Duration.between(clock.instant(), end).plusMinutes(5));
        }
        String reference = world.as(facilitator, () -> intervisie.referenceOf(group));
        String instance = MatchingWorld.await().until(() -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult(), pi -> pi != null).getId();
        fireTimerOf(instance, IntervisieProcess.EVENT_SESSION_HELD);
        return matching.awaitTask(facilitator, group.toString(), IntervisieProcess.TASK_RECORD_SESSION);
    }
}
