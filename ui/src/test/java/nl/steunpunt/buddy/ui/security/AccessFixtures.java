package nl.steunpunt.buddy.ui.security;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.audit.AuditFilter;
import nl.steunpunt.buddy.closure.BuddyScores;
import nl.steunpunt.buddy.closure.ParentScores;
import nl.steunpunt.buddy.intervisie.Attendance;
import nl.steunpunt.buddy.intervisie.NewGroup;
import nl.steunpunt.buddy.intervisie.SessionKind;
import nl.steunpunt.buddy.intervisie.SessionPlan;
import nl.steunpunt.buddy.matching.BuddyMatch;
import nl.steunpunt.buddy.matching.ClosureReason;
import nl.steunpunt.buddy.matching.Criterion;
import nl.steunpunt.buddy.matching.HelpRequestFilter;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.NewHelpRequest;
import nl.steunpunt.buddy.matching.RequesterKind;
import nl.steunpunt.buddy.matching.Urgency;
import nl.steunpunt.buddy.notification.Mail;
import nl.steunpunt.buddy.notification.MailTemplate;
import nl.steunpunt.buddy.processes.IntervisieProcess;
import nl.steunpunt.buddy.processes.SupportProcess;
import nl.steunpunt.buddy.recruitment.ApplicationFilter;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.Decision;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.support.ConcernUrgency;
import nl.steunpunt.buddy.support.ContactKind;
import nl.steunpunt.buddy.support.ContactLog;
import nl.steunpunt.buddy.support.HowItGoes;
import nl.steunpunt.buddy.support.MeetingPlan;
import nl.steunpunt.buddy.support.NewCheckIn;
import nl.steunpunt.buddy.support.NewConcern;
import nl.steunpunt.buddy.support.NewContact;
import nl.steunpunt.buddy.support.Quarter;
import nl.steunpunt.buddy.support.ReviewDecision;
import nl.steunpunt.buddy.training.CatalogueItem;
import nl.steunpunt.buddy.training.Judgement;
import nl.steunpunt.buddy.training.NewSession;
import nl.steunpunt.buddy.training.SignOff;
import nl.steunpunt.buddy.training.Training;
import nl.steunpunt.buddy.ui.ClosureWorld;
import nl.steunpunt.buddy.ui.MatchingWorld;
import nl.steunpunt.buddy.ui.SupportWorld;
import nl.steunpunt.buddy.ui.TestWorld;
import nl.steunpunt.buddy.workflow.IntervisieCycle;
import nl.steunpunt.buddy.workflow.SupportActions;
import nl.steunpunt.buddy.workflow.WorkItemQuery;

/**
 * The subjects of the service access matrix, made once through the app's own APIs: region A with the
 * matrix's buddy ("mine") and a second buddy ("other"), region B with its own buddy. Each has an
 * active match with a concern, a school meeting, a contact line and an open review, a closed case
 * with a parent-evaluation link, and a pending proposal; each region a training session and two
 * intervisie groups (one with a planned session, one waiting for its plan). Also chooses valid
 * arguments for any service method by parameter type and name.
 */
@Component
class AccessFixtures {

    private final TestWorld world;
    private final MatchingWorld matching;
    private final SupportWorld support;
    private final ClosureWorld closure;
    private final LocalAccounts accounts;
    private final Training training;
    private final ContactLog contactLog;
    private final SupportActions supportActions;
    private final nl.steunpunt.buddy.intervisie.Intervisie intervisie;
    private final IntervisieCycle cycle;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final org.camunda.bpm.engine.RepositoryService repositoryService;
    private final JdbcClient db;
    private final Clock clock;
    private World built;

    AccessFixtures(TestWorld world, MatchingWorld matching, SupportWorld support, ClosureWorld closure, LocalAccounts accounts,
            Training training, ContactLog contactLog, SupportActions supportActions, nl.steunpunt.buddy.intervisie.Intervisie intervisie,
            IntervisieCycle cycle, RuntimeService runtimeService, ManagementService managementService,
            org.camunda.bpm.engine.RepositoryService repositoryService, JdbcClient db, Clock clock) {
        this.repositoryService = repositoryService;
        this.world = world;
        this.matching = matching;
        this.support = support;
        this.closure = closure;
        this.accounts = accounts;
        this.training = training;
        this.contactLog = contactLog;
        this.supportActions = supportActions;
        this.intervisie = intervisie;
        this.cycle = cycle;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.db = db;
        this.clock = clock;
    }

    /** What a region offers the matrix: its people, a training session and two intervisie groups. */
    record Place(MatchingWorld.Scene scene, String facilitator, List<MatchingWorld.Buddy> buddies, UUID trainingSession, UUID group,
            UUID intervisieSession, UUID planGroup, String planTask) {

        RegionCode region() {
            return scene.region();
        }
    }

    /** One buddy's case file and everything hanging from it. */
    record Subject(String name, Place place, MatchingWorld.Buddy buddy, MatchingWorld.Buddy spare, HelpRequestId request, UUID match,
            String reference, HelpRequestId proposedRequest, UUID closedMatch, String parentToken, String withdrawToken, UUID concern,
            String concernTask, UUID meeting, String meetingTask, String reviewTask, long contactLine, long signOffId) {

        RegionCode region() {
            return place.region();
        }
    }

    record World(Subject mine, Subject other, Subject elsewhere, Map<ServiceAccessMatrixTest.Caller, String> accounts) {

        String account(ServiceAccessMatrixTest.Caller caller) {
            return accounts.get(caller);
        }

        /** Own: the buddy's own subject in region A; other: SELF another buddy's in region A, else region B's. */
        Subject subject(ServiceAccessMatrixTest.Kind kind, boolean own) {
            if (own) {
                return mine;
            }
            return kind == ServiceAccessMatrixTest.Kind.SELF ? other : elsewhere;
        }
    }

    private String[] failedJob;

    /**
     * A failed job with its incident, for the administrator's incident calls: a probe process of its own
     * (a timer, nothing else) whose job is given up on, so no other test's process is touched.
     */
    synchronized String[] failedJob() {
        if (failedJob == null) {
            var model = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("AccessMatrixProbe").startEvent()
                    .intermediateCatchEvent().timerWithDuration("PT1H").endEvent().done();
            repositoryService.createDeployment()
                    .addModelInstance("access-matrix-probe.bpmn", model).deploy();
            String instance = runtimeService.startProcessInstanceByKey("AccessMatrixProbe", "ACCESS-PROBE").getId();
            String job = managementService.createJobQuery().processInstanceId(instance).singleResult().getId();
            managementService.setJobRetries(job, 0);
            String incident = runtimeService.createIncidentQuery().processInstanceId(instance).singleResult().getId();
            failedJob = new String[] { job, incident };
        }
        return failedJob;
    }

    synchronized World world() {
        if (built == null) {
            built = build();
        }
        return built;
    }

    private World build() {
        world.ensure();
        MatchingWorld.Scene a = matching.scene();
        MatchingWorld.Scene b = matching.scene();
        String manager = "manager." + lower(a.region());
        accounts.save(manager, "Manager " + a.region().value(), TestWorld.PASSWORD, Set.of(Role.MANAGER), Set.of(a.region()));
        CompletableFuture<List<MatchingWorld.Buddy>> inA = CompletableFuture.supplyAsync(() -> matching.certifiedBuddies(a,
                MatchingWorld.buddy("mine"), MatchingWorld.buddy("other"), MatchingWorld.buddy("third")));
        CompletableFuture<List<MatchingWorld.Buddy>> inB = CompletableFuture.supplyAsync(() -> matching.certifiedBuddies(b,
                MatchingWorld.buddy("bea"), MatchingWorld.buddy("bob"), MatchingWorld.buddy("bas")));
        CompletableFuture<Place> placeA = inA.thenApplyAsync(buddies -> place(a, buddies));
        CompletableFuture<Place> placeB = inB.thenApplyAsync(buddies -> place(b, buddies));
        CompletableFuture<Subject> mine = placeA.thenApplyAsync(p -> subject("mine", p, 0, 2));
        CompletableFuture<Subject> other = placeA.thenApplyAsync(p -> subject("other", p, 1, 2));
        CompletableFuture<Subject> elsewhere = placeB.thenApplyAsync(p -> subject("elsewhere", p, 0, 2));
        Subject own = mine.join();
        Map<ServiceAccessMatrixTest.Caller, String> callers = new EnumMap<>(ServiceAccessMatrixTest.Caller.class);
        callers.put(ServiceAccessMatrixTest.Caller.COORDINATOR, a.coordinator());
        callers.put(ServiceAccessMatrixTest.Caller.TRAINER, a.trainer());
        callers.put(ServiceAccessMatrixTest.Caller.MANAGER, manager);
        callers.put(ServiceAccessMatrixTest.Caller.BUDDY, own.buddy().username());
        callers.put(ServiceAccessMatrixTest.Caller.FACILITATOR, own.place().facilitator());
        callers.put(ServiceAccessMatrixTest.Caller.ADMIN, a.admin());
        World result = new World(own, other.join(), elsewhere.join(), callers);
        world.signOut();
        return result;
    }

    private Place place(MatchingWorld.Scene scene, List<MatchingWorld.Buddy> buddies) {
        String facilitator = "facilitator." + lower(scene.region());
        accounts.save(facilitator, "Begeleider " + scene.region().value(), TestWorld.PASSWORD, Set.of(Role.FACILITATOR),
                Set.of(scene.region()));
        Set<String> modules = training.modules().stream().map(CatalogueItem::code).collect(Collectors.toSet());
        LocalDateTime start = LocalDate.now(clock).plusDays(10).atTime(19, 0);
        UUID session = world.as(scene.trainer(), () -> training.scheduleSession(new NewSession(scene.region(), start, start.plusHours(3),
                "Steunpunt, zaal T", 12, modules)));
        Set<ApplicationId> members = buddies.stream().map(MatchingWorld.Buddy::id).collect(Collectors.toSet());
        UUID group = world.as(facilitator, () -> intervisie.createGroup(new NewGroup(scene.region(), "Matrixgroep", SessionKind.INTERVISIE,
                members)));
        matching.awaitTask(facilitator, group.toString(), IntervisieProcess.TASK_PLAN_SESSION);
        LocalDateTime evening = LocalDate.now(clock).plusDays(7).atTime(19, 30);
        UUID planned = world.as(facilitator, () -> cycle.plan(group, new SessionPlan(evening, evening.plusHours(2), "Steunpunt, zaal I")));
        UUID planGroup = world.as(facilitator, () -> intervisie.createGroup(new NewGroup(scene.region(), "Matrixgroep twee",
                SessionKind.INTERVISIE, members)));
        String planTask = matching.awaitTask(facilitator, planGroup.toString(), IntervisieProcess.TASK_PLAN_SESSION).id();
        return new Place(scene, facilitator, buddies, session, group, planned, planGroup, planTask);
    }

    private Subject subject(String name, Place place, int buddyIndex, int spareIndex) {
        MatchingWorld.Scene scene = place.scene();
        MatchingWorld.Buddy buddy = place.buddies().get(buddyIndex);
        MatchingWorld.Buddy spare = place.buddies().get(spareIndex);
        ClosureWorld.Case ended = closure.activeCase(scene, buddy);
        String parentToken = closure.closedWithLink(ended);
        MatchingWorld.await().until(() -> db.sql("SELECT status FROM buddy_match WHERE id = ?").param(ended.matchId()).query(String.class)
                .single().equals("CLOSED"));
        BuddyMatch active = support.activeMatch(scene, buddy);
        UUID match = active.matchId();
        String withdrawToken = db.sql("SELECT withdraw_token FROM help_request WHERE id = ?").param(active.request().value())
                .query(String.class).single();
        MatchingWorld.await().until(() -> supportActions.isRunning(match));
        String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(SupportProcess.PROCESS_ID)
                .variableValueEquals(SupportProcess.Variables.MATCH_ID, match.toString()).singleResult().getId();
        UUID concern = world.as(buddy.username(), () -> supportActions.raiseConcern(match, new NewConcern("Zorg om de matrix",
                ConcernUrgency.NORMAL)));
        String concernTask = matching.awaitTask(scene.coordinator(), match.toString(), SupportProcess.TASK_DISCUSS_CONCERN).id();
        UUID meeting = world.as(buddy.username(), () -> supportActions.planSchoolMeeting(match, meetingPlan()));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).timers()
                .activityId(SupportProcess.EVENT_PREPARE_MEETING_DUE).singleResult().getId());
        String meetingTask = matching.awaitTask(buddy.username(), match.toString(), SupportProcess.TASK_PREPARE_SCHOOL_MEETING).id();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).timers()
                .activityId(SupportProcess.EVENT_REVIEW_DUE).singleResult().getId());
        String reviewTask = matching.awaitTask(scene.coordinator(), match.toString(), SupportProcess.TASK_REVIEW_MATCH).id();
        long line = world.as(buddy.username(), () -> contactLog.record(match, contact()));
        long signOff = world.as(scene.trainer(), () -> training.signOffs(buddy.id())).stream().mapToLong(SignOff::id).findFirst()
                .orElseThrow();
        HelpRequestId proposed = matching.request(scene).submit();
        matching.toProposeTask(scene, proposed);
        matching.propose(scene.coordinator(), proposed, buddy, "Zij past het best bij dit gezin");
        world.signOut();
        return new Subject(name, place, buddy, spare, active.request(), match, active.reference(), proposed, ended.matchId(), parentToken,
                withdrawToken, concern, concernTask, meeting, meetingTask, reviewTask, line, signOff);
    }

    private MeetingPlan meetingPlan() {
        return new MeetingPlan(LocalDate.now(clock).plusDays(5), LocalTime.of(10, 0), LocalTime.of(11, 0), "Het Baken",
                "OPP bespreken met de mentor");
    }

    private NewContact contact() {
        return new NewContact(LocalDate.now(clock), ContactKind.PHONE, 30, "Gesprek over school", Set.of());
    }

    private static String lower(RegionCode region) {
        return region.value().toLowerCase(Locale.ROOT);
    }

    // ---- arguments ------------------------------------------------------------------------------

    /** Valid arguments for this method on this subject: validation must not answer before the access check. */
    Object[] arguments(Method method, Subject s) {
        Parameter[] parameters = method.getParameters();
        Object[] values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            values[i] = argument(method, parameters[i], s);
        }
        return values;
    }

    private Object argument(Method method, Parameter parameter, Subject s) {
        Class<?> type = parameter.getType();
        String name = parameter.getName();
        String owner = method.getDeclaringClass().getSimpleName();
        String m = method.getName();
        LocalDate today = LocalDate.now(clock);
        if (type == UUID.class) {
            return switch (name) {
                case "matchId", "match" -> closureSide(owner, m) ? s.closedMatch() : s.match();
                case "helpRequestId" -> s.request().value();
                case "meetingId" -> s.meeting();
                case "concernId" -> s.concern();
                case "groupId" -> owner.equals("IntervisieCycle") && (m.equals("plan") || m.equals("awaitsPlan")) ? s.place().planGroup()
                        : s.place().group();
                case "sessionId" -> owner.equals("Training") ? s.place().trainingSession()
                        : owner.equals("Intervisie") && m.equals("plan") ? UUID.randomUUID() : s.place().intervisieSession();
                case "id" -> s.place().trainingSession();
                case "submissionKey" -> UUID.randomUUID();
                default -> throw new IllegalArgumentException(owner + "#" + m + " UUID " + name);
            };
        }
        if (type == HelpRequestId.class) {
            return m.equals("answer") || m.equals("myProposal") ? s.proposedRequest() : s.request();
        }
        if (type == ApplicationId.class) {
            return name.equals("newBuddy") ? s.spare().id() : s.buddy().id();
        }
        if (type == RegionCode.class) {
            return s.region();
        }
        if (type == String.class) {
            return switch (name) {
                case "taskId", "handOverTaskId" -> task(owner, m, s);
                case "token" -> owner.equals("Closures") ? s.parentToken() : s.withdrawToken();
                case "userId" -> owner.equals("WorkItems") || owner.equals("Actors") ? s.place().scene().colleague() : s.buddy().username();
                case "caseReference" -> s.reference();
                case "code" -> "MATRIX";
                case "name" -> "Matrixonderdeel";
                case "place" -> "Utrecht";
                case "reasonCode" -> null;
                case "jobId" -> failedJob()[0];
                case "incidentId" -> failedJob()[1];
                case "processKey" -> nl.steunpunt.buddy.processes.SupportProcess.PROCESS_ID;
                case "overrideReason" -> "Zij past het best";
                default -> "Tekst voor de toegangsmatrix";
            };
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.TRUE;
        }
        if (type == int.class || type == Integer.class) {
            return switch (name) {
                case "offset" -> 0;
                case "limit" -> 10;
                default -> 1;
            };
        }
        if (type == long.class) {
            return name.equals("lineId") ? s.contactLine() : s.signOffId();
        }
        if (type == double.class) {
            return 25.0;
        }
        if (type == LocalDate.class) {
            return switch (name) {
                case "until" -> today.plusMonths(3);
                case "certificateDate" -> today.minusDays(5);
                default -> today;
            };
        }
        if (type == LocalDateTime.class) {
            return today.plusDays(3).atTime(10, 0);
        }
        if (type == Instant.class) {
            return name.equals("from") ? clock.instant().minus(30, ChronoUnit.DAYS) : clock.instant().plus(14, ChronoUnit.DAYS);
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("12.50");
        }
        if (type == Period.class) {
            return Period.ofMonths(12);
        }
        if (type == Runnable.class) {
            return (Runnable) () -> {
            };
        }
        if (type == ClosureReason.class) {
            return ClosureReason.GOAL_REACHED;
        }
        if (type == Decision.class) {
            return Decision.SELECTED;
        }
        if (type == ReviewDecision.class) {
            return ReviewDecision.EXTEND;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == Set.class) {
            return switch (name) {
                case "problemAreas" -> Set.of(ProblemArea.THUISZITTER);
                case "schools" -> Set.of("De Regenboog");
                default -> Set.of();
            };
        }
        if (type == Map.class) {
            return switch (name) {
                case "weights" -> Map.of(Criterion.PROBLEM_AREAS, 10, Criterion.SCHOOL_LEVEL, 10, Criterion.LANGUAGE, 10,
                        Criterion.DISTANCE, 10, Criterion.AVAILABILITY, 10);
                case "assessment" -> TestWorld.allScores(4);
                case "attendance" -> s.place().buddies().stream()
                        .collect(Collectors.toMap(MatchingWorld.Buddy::id, b -> Attendance.PRESENT));
                default -> Map.of();
            };
        }
        if (type == List.class) {
            return name.equals("judgements") ? training.competences().stream().map(c -> new Judgement(c.code(), true, null)).toList()
                    : List.of();
        }
        if (type == Collection.class) {
            return switch (name) {
                case "scope" -> List.of(s.region());
                case "userIds" -> List.of(s.place().scene().colleague());
                default -> List.of(s.buddy().id());
            };
        }
        if (type == NewContact.class) {
            return contact();
        }
        if (type == MeetingPlan.class) {
            return meetingPlan();
        }
        if (type == NewConcern.class) {
            return new NewConcern("Zorg over de begeleiding", ConcernUrgency.NORMAL);
        }
        if (type == NewCheckIn.class) {
            return new NewCheckIn(today, HowItGoes.WELL, "Het gaat goed", null);
        }
        if (type == NewSession.class) {
            LocalDateTime start = today.plusDays(14).atTime(19, 0);
            return new NewSession(s.region(), start, start.plusHours(3), "Steunpunt, zaal M", 10,
                    training.modules().stream().map(CatalogueItem::code).collect(Collectors.toSet()));
        }
        if (type == NewGroup.class) {
            return new NewGroup(s.region(), "Nieuwe groep", SessionKind.INTERVISIE,
                    s.place().buddies().stream().map(MatchingWorld.Buddy::id).collect(Collectors.toSet()));
        }
        if (type == SessionPlan.class) {
            LocalDateTime start = today.plusDays(m.equals("plan") ? 8 : 9).atTime(19, 30);
            return new SessionPlan(start, start.plusHours(2), "Steunpunt, zaal P");
        }
        if (type == BuddyScores.class) {
            return new BuddyScores(4, 4, 4, 4, 4);
        }
        if (type == ParentScores.class) {
            return new ParentScores(4, 4, 4);
        }
        if (type == HelpRequestFilter.class) {
            return HelpRequestFilter.open();
        }
        if (type == ApplicationFilter.class) {
            return ApplicationFilter.all();
        }
        if (type == AuditFilter.class) {
            return AuditFilter.all();
        }
        if (type == WorkItemQuery.class) {
            return WorkItemQuery.inbox();
        }
        if (type == Quarter.class) {
            return Quarter.of(today);
        }
        if (type == Region.class) {
            return new Region(s.region(), "Regio " + s.region().value());
        }
        if (type == nl.steunpunt.buddy.recruitment.NewApplication.class) {
            return world.newApplication(s.region(), "matrix-" + UUID.randomUUID() + "@example.org", "nl");
        }
        if (type == NewHelpRequest.class) {
            return new NewHelpRequest(RequesterKind.PARENT, "Ouder Matrix", "ouder-" + UUID.randomUUID() + "@example.org", "0612345678",
                    s.region(), SchoolLevel.PO, Set.of(ProblemArea.THUISZITTER), "nl", Urgency.NORMAL, null, null, "Utrecht",
                    "Mijn kind zit thuis. Wie helpt ons bij het gesprek met school?", true, "nl");
        }
        if (type == Mail.class) {
            return new Mail("ouder@example.org", Locale.forLanguageTag("nl"), MailTemplate.values()[0], Map.of(), s.reference());
        }
        throw new IllegalArgumentException(owner + "#" + m + " " + type.getSimpleName() + " " + name);
    }

    /** Closure, and the end of a match, are about the closed case. */
    private static boolean closureSide(String owner, String method) {
        return owner.equals("Closures") || owner.equals("ClosureCaseAnonymiser")
                || owner.equals("MatchEndings") && (method.equals("close") || method.equals("closure"));
    }

    /** The open task a task-taking method is about, of this subject. */
    private static String task(String owner, String method, Subject s) {
        if (owner.equals("SupportActions")) {
            return switch (method) {
                case "meetingOf" -> s.meetingTask();
                case "concernOf" -> s.concernTask();
                default -> s.reviewTask();
            };
        }
        if (owner.equals("IntervisieCycle")) {
            return s.place().planTask();
        }
        return s.concernTask();
    }
}
