package nl.steunpunt.buddy.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.matching.HelpRequestDetails;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequestStatus;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.matching.NewHelpRequest;
import nl.steunpunt.buddy.matching.PoolBuddy;
import nl.steunpunt.buddy.matching.RequesterKind;
import nl.steunpunt.buddy.matching.Urgency;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.processes.TrainingProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.ApplicationStatus;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.recruitment.NewApplication;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.training.CatalogueItem;
import nl.steunpunt.buddy.training.Judgement;
import nl.steunpunt.buddy.training.NewSession;
import nl.steunpunt.buddy.training.Training;
import nl.steunpunt.buddy.ui.security.LocalAccounts;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The world of the matching tests. Every test gets its own region ({@link Scene}) with its own
 * coordinators, trainer and administrator, so the buddies and requests of one test never show up
 * in the ranking of another (the application context and its database are shared by all tests).
 * Buddies are made the way the app makes them: applied, selected, VOG, trained, signed off,
 * certified; their account is linked so they can be proposed and answer in the app.
 */
@Component
public class MatchingWorld {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final TestWorld world;
    private final Regions regions;
    private final LocalAccounts accounts;
    private final Applications applications;
    private final Training training;
    private final HelpRequests requests;
    private final Matchmaking matchmaking;
    private final WorkItems workItems;
    private final Clock clock;

    MatchingWorld(TestWorld world, Regions regions, LocalAccounts accounts, Applications applications, Training training,
            HelpRequests requests, Matchmaking matchmaking, WorkItems workItems, Clock clock) {
        this.world = world;
        this.regions = regions;
        this.accounts = accounts;
        this.applications = applications;
        this.training = training;
        this.requests = requests;
        this.matchmaking = matchmaking;
        this.workItems = workItems;
        this.clock = clock;
    }

    /** A region of its own with two coordinators, a trainer and an administrator. */
    public record Scene(RegionCode region, String coordinator, String colleague, String trainer, String admin) {
    }

    /** A certified buddy with a linked account (her username). */
    public record Buddy(ApplicationId id, String username, String email) {
    }

    /** What a buddy brings: her application and, optionally, what the coordinator records for matching. */
    public record BuddySpec(String username, Set<SchoolLevel> levels, Set<ProblemArea> areas, Set<String> languages,
            Optional<String> place, Set<String> schools, Optional<Integer> maxMatches) {

        public BuddySpec levels(SchoolLevel... values) {
            return new BuddySpec(username, Set.of(values), areas, languages, place, schools, maxMatches);
        }

        public BuddySpec areas(ProblemArea... values) {
            return new BuddySpec(username, levels, Set.of(values), languages, place, schools, maxMatches);
        }

        public BuddySpec languages(String... values) {
            return new BuddySpec(username, levels, areas, Set.of(values), place, schools, maxMatches);
        }

        public BuddySpec place(String value) {
            return new BuddySpec(username, levels, areas, languages, Optional.of(value), schools, maxMatches);
        }

        public BuddySpec schools(String... values) {
            return new BuddySpec(username, levels, areas, languages, place, Set.of(values), maxMatches);
        }

        public BuddySpec maxMatches(int value) {
            return new BuddySpec(username, levels, areas, languages, place, schools, Optional.of(value));
        }

        boolean hasProfile() {
            return place.isPresent() || !schools.isEmpty() || maxMatches.isPresent();
        }
    }

    // ---- scenes and buddies ---------------------------------------------------------------------

    public Scene scene() {
        world.ensure();
        int n = COUNTER.incrementAndGet();
        String suffix = n + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        RegionCode region = new RegionCode("MT-" + suffix);
        regions.save(new Region(region, "Matchingregio " + suffix));
        String lower = suffix.toLowerCase(Locale.ROOT);
        Scene scene = new Scene(region, "coordinator.m" + lower, "colleague.m" + lower, "trainer.m" + lower, "admin.m" + lower);
        accounts.save(scene.coordinator(), "Coördinator " + suffix, TestWorld.PASSWORD, Set.of(Role.COORDINATOR), Set.of(region));
        accounts.save(scene.colleague(), "Collega " + suffix, TestWorld.PASSWORD, Set.of(Role.COORDINATOR), Set.of(region));
        accounts.save(scene.trainer(), "Trainer " + suffix, TestWorld.PASSWORD, Set.of(Role.TRAINER), Set.of(region));
        accounts.save(scene.admin(), "Beheerder " + suffix, TestWorld.PASSWORD, Set.of(Role.ADMIN), Set.of(region));
        return scene;
    }

    /** A buddy who takes PO, thuiszitters, speaks Dutch; change what the test needs. */
    public static BuddySpec buddy(String name) {
        return new BuddySpec(name, Set.of(SchoolLevel.PO), Set.of(ProblemArea.THUISZITTER), Set.of("nl"), Optional.empty(), Set.of(),
                Optional.empty());
    }

    /** An account with the buddy role in the region that no buddy record is linked to. */
    public String buddyAccount(Scene scene, String name) {
        String username = name + "." + scene.region().value().toLowerCase(Locale.ROOT);
        accounts.save(username, "Buddy " + name, TestWorld.PASSWORD, Set.of(Role.BUDDY), Set.of(scene.region()));
        return username;
    }

    public Buddy certifiedBuddy(Scene scene, BuddySpec spec) {
        return certifiedBuddies(scene, spec).get(0);
    }

    /**
     * Drives fresh applications through selection, VOG and training to certified, links each
     * buddy's account and waits until she is in the region's matching pool. The buddies go through
     * selection side by side and share one training session.
     */
    public List<Buddy> certifiedBuddies(Scene scene, BuddySpec... specs) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, specs.length));
        List<Buddy> buddies;
        try {
            List<CompletableFuture<Buddy>> selections = Arrays.stream(specs)
                    .map(spec -> CompletableFuture.supplyAsync(() -> selectedWithVog(scene, spec), pool)).toList();
            buddies = selections.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
        Set<String> modules = training.modules().stream().map(CatalogueItem::code).collect(Collectors.toSet());
        LocalDateTime start = LocalDateTime.now(clock).plusSeconds(3).withNano(0);
        UUID session = world.as(scene.trainer(), () -> training.scheduleSession(new NewSession(scene.region(), start,
                start.plusHours(3), "Steunpunt, zaal M", 50, modules)));
        Instant started = start.atZone(clock.getZone()).toInstant();
        await().until(() -> clock.instant().isAfter(started));
        for (Buddy buddy : buddies) {
            world.as(scene.trainer(), () -> {
                training.recordAttendance(session, buddy.id(), true);
                return null;
            });
        }
        List<Judgement> allMet = training.competences().stream().map(c -> new Judgement(c.code(), true, null)).toList();
        for (Buddy buddy : buddies) {
            WorkItem signOff = awaitTask(scene.trainer(), buddy.id().toString(), TrainingProcess.TASK_SIGN_OFF);
            world.as(scene.trainer(), () -> {
                workItems.complete(signOff.id(), Map.of(TrainingProcess.Variables.ALL_MET, true),
                        () -> training.signOff(buddy.id(), allMet));
                return null;
            });
        }
        for (int i = 0; i < buddies.size(); i++) {
            Buddy buddy = buddies.get(i);
            await().until(() -> world.as(scene.coordinator(), () -> matchmaking.pool().stream()
                    .anyMatch(b -> b.id().equals(buddy.id()) && b.hasAccount() && b.qualified())));
            BuddySpec spec = specs[i];
            if (spec.hasProfile()) {
                world.as(scene.coordinator(), () -> {
                    matchmaking.saveBuddyProfile(buddy.id(), spec.place().orElse(null), spec.schools(), spec.maxMatches().orElse(null));
                    return null;
                });
            }
        }
        return buddies;
    }

    private Buddy selectedWithVog(Scene scene, BuddySpec spec) {
        String username = spec.username() + "." + scene.region().value().toLowerCase(Locale.ROOT);
        String email = username + "@example.org";
        accounts.save(username, "Buddy " + spec.username(), TestWorld.PASSWORD, Set.of(Role.BUDDY), Set.of(scene.region()));
        ApplicationId id = applications.submit(new NewApplication(capitalised(spec.username()), "Buddy", email, "0612345678",
                scene.region(), spec.levels(), spec.areas(), spec.languages(), 4, "Ik wil graag andere ouders helpen.", true, "nl"),
                UUID.randomUUID());
        world.advance(id, null, scene.coordinator());
        world.as(scene.coordinator(), () -> {
            applications.registerVog(id, LocalDate.now(clock), LocalDate.now(clock).minusDays(5), true);
            return null;
        });
        await().until(() -> applications.status(id) == ApplicationStatus.SELECTED && training.isEnrolled(id));
        world.as(scene.coordinator(), () -> {
            training.linkAccount(id, username);
            return null;
        });
        return new Buddy(id, username, email);
    }

    private static String capitalised(String name) {
        String letters = name.replaceAll("[^A-Za-z]", "");
        return letters.isEmpty() ? "Buddy" : Character.toUpperCase(letters.charAt(0)) + letters.substring(1);
    }

    public Optional<PoolBuddy> inPool(Scene scene, Buddy buddy) {
        return world.as(scene.coordinator(), () -> matchmaking.pool().stream().filter(b -> b.id().equals(buddy.id())).findFirst());
    }

    // ---- help requests --------------------------------------------------------------------------

    /** A public help request of a parent in this region, to complete as the test needs. */
    public RequestBuilder request(Scene scene) {
        return new RequestBuilder(scene.region());
    }

    /** Builds and submits a help request through the public form. */
    public final class RequestBuilder {
        private RegionCode region;
        private RequesterKind kind = RequesterKind.PARENT;
        private String name = "Ouder Test";
        private String email = "ouder-" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        private SchoolLevel level = SchoolLevel.PO;
        private Set<ProblemArea> areas = EnumSet.of(ProblemArea.THUISZITTER);
        private String language = "nl";
        private Urgency urgency = Urgency.NORMAL;
        private LocalDate meetingOn;
        private String school;
        private String place;
        private String question = "Mijn zoon zit al maanden thuis. Wie helpt ons bij het gesprek met school?";
        private boolean consent = true;

        private RequestBuilder(RegionCode region) {
            this.region = region;
        }

        public RequestBuilder region(RegionCode value) { region = value; return this; }
        public RequestBuilder kind(RequesterKind value) { kind = value; return this; }
        public RequestBuilder name(String value) { name = value; return this; }
        public RequestBuilder email(String value) { email = value; return this; }
        public RequestBuilder level(SchoolLevel value) { level = value; return this; }
        public RequestBuilder areas(ProblemArea... values) { areas = values.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(values)); return this; }
        public RequestBuilder language(String value) { language = value; return this; }
        public RequestBuilder urgency(Urgency value) { urgency = value; return this; }
        public RequestBuilder meetingOn(LocalDate value) { meetingOn = value; return this; }
        public RequestBuilder school(String value) { school = value; return this; }
        public RequestBuilder place(String value) { place = value; return this; }
        public RequestBuilder question(String value) { question = value; return this; }
        public RequestBuilder consent(boolean value) { consent = value; return this; }

        public String email() {
            return email;
        }

        public NewHelpRequest build() {
            return new NewHelpRequest(kind, name, email, null, region, level, areas, language, urgency, meetingOn, school, place,
                    question, consent, "nl");
        }

        public HelpRequestId submit() {
            return requests.submit(build(), UUID.randomUUID());
        }
    }

    // ---- tasks of a help request ------------------------------------------------------------------

    /** The open tasks of this subject (a help request, an application) that {@code username} can see. */
    public List<WorkItem> tasksOf(String username, String subjectId) {
        return world.as(username, () -> workItems.find(WorkItemQuery.inbox(), 0, 10_000).stream()
                .filter(item -> subjectId.equals(item.subjectId())).toList());
    }

    public List<WorkItem> tasksOf(String username, HelpRequestId request) {
        return tasksOf(username, request.toString());
    }

    public WorkItem awaitTask(String username, HelpRequestId request, String definitionKey) {
        return awaitTask(username, request.toString(), definitionKey);
    }

    public WorkItem awaitTask(String username, String subjectId, String definitionKey) {
        return await().until(() -> tasksOf(username, subjectId).stream().filter(t -> t.definitionKey().equals(definitionKey)).toList(),
                list -> !list.isEmpty()).get(0);
    }

    public void awaitStatus(HelpRequestId request, HelpRequestStatus status) {
        await().until(() -> requests.status(request) == status);
    }

    /** The coordinator's intake: confirms what the requester wrote. */
    public void intake(String coordinator, HelpRequestId request) {
        WorkItem task = awaitTask(coordinator, request, MatchingProcess.TASK_INTAKE_REQUEST);
        world.as(coordinator, () -> {
            HelpRequestDetails d = requests.open(request);
            workItems.complete(task.id(), Map.of(), () -> requests.recordIntake(request, d.schoolLevel(), d.problemAreas(),
                    d.preferredLanguage(), d.urgency(), d.school().orElse(null), d.place().orElse(null), "Telefonisch doorgesproken"));
            return null;
        });
    }

    /** Takes a submitted request through intake to the propose task. */
    public WorkItem toProposeTask(Scene scene, HelpRequestId request) {
        intake(scene.coordinator(), request);
        return awaitTask(scene.coordinator(), request, MatchingProcess.TASK_PROPOSE_BUDDY);
    }

    /**
     * The coordinator proposes the buddy on the propose task; her account routes her answer task to her.
     */
    public void propose(String coordinator, HelpRequestId request, Buddy buddy, String reason) {
        WorkItem task = awaitTask(coordinator, request, MatchingProcess.TASK_PROPOSE_BUDDY);
        world.as(coordinator, () -> {
            // As the propose screen does: the buddy's account routes her answer task to her.
            Map<String, Object> routing = Map.of(MatchingProcess.Variables.PROPOSED_BUDDY_USER_ID,
                    matchmaking.accountOf(buddy.id()).orElseThrow());
            workItems.complete(task.id(), routing, () -> matchmaking.propose(request, buddy.id(), reason));
            return null;
        });
    }

    /** The buddy answers on her answer task. */
    public void answer(Buddy buddy, HelpRequestId request, boolean accept, String reason) {
        WorkItem task = awaitTask(buddy.username(), request, MatchingProcess.TASK_ANSWER_PROPOSAL);
        world.as(buddy.username(), () -> {
            workItems.complete(task.id(), Map.of(MatchingProcess.Variables.ACCEPTED, accept),
                    () -> matchmaking.answer(request, accept, reason));
            return null;
        });
    }

    public static ConditionFactory await() {
        return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100));
    }
}
