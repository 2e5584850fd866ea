package nl.steunpunt.buddy.ui.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.processes.RecruitmentProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.ApplicationStatus;
import nl.steunpunt.buddy.recruitment.Competence;
import nl.steunpunt.buddy.recruitment.CompetenceScore;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.recruitment.Decision;
import nl.steunpunt.buddy.recruitment.NewApplication;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.training.NewSession;
import nl.steunpunt.buddy.training.Training;
import nl.steunpunt.buddy.ui.security.BuddyUser;
import nl.steunpunt.buddy.ui.security.LocalAccounts;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * Seeds the demo: two regions, the demo accounts, twenty buddy applications at different steps
 * of selection, a training session about to start, and (through {@link DemoMatching}) certified
 * buddies with help requests at every step of matching, (through {@link DemoIntervisie}) their
 * intervisie, and for the manager's dashboard (through {@link DemoPast}) work that is overdue and (through
 * {@link DemoHistory}) eighteen months of finished cases. Runs in the {@code demo} profile only, and only on an empty database, so a restart
 * keeps what the demo users did.
 */
@Component
@Profile("demo")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String[][] PEOPLE = {
            {"Anouk", "Smit"}, {"Bram", "de Jong"}, {"Chantal", "Meijer"}, {"Daan", "van Dijk"},
            {"Esra", "Yilmaz"}, {"Femke", "Bos"}, {"Gert", "Vos"}, {"Hanna", "Peters"},
            {"Ilse", "Hendriks"}, {"Jeroen", "van Leeuwen"}, {"Karin", "Dekker"}, {"Lotte", "Brouwer"},
            {"Mohamed", "Bouzid"}, {"Nina", "de Wit"}, {"Olga", "Kowalska"}, {"Pieter", "Dijkstra"},
            {"Quirine", "Smits"}, {"Rik", "de Graaf"}, {"Sevda", "Kaya"}, {"Tessa", "van der Meer"}};

    private final Regions regions;
    private final LocalAccounts accounts;
    private final Applications applications;
    private final WorkItems workItems;
    private final Training training;
    private final Clock clock;
    private final String password;
    private final DemoMatching matching;
    private final DemoIntervisie intervisie;
    private final DemoClosure closure;
    private final DemoPast past;
    private final DemoHistory history;

    DemoData(Regions regions, LocalAccounts accounts, Applications applications, WorkItems workItems, Training training,
            Clock clock, @Value("${buddy.demo.password}") String password, DemoMatching matching, DemoIntervisie intervisie,
            DemoClosure closure, DemoPast past, DemoHistory history) {
        this.matching = matching;
        this.past = past;
        this.history = history;
        this.intervisie = intervisie;
        this.closure = closure;
        this.training = training;
        this.regions = regions;
        this.accounts = accounts;
        this.applications = applications;
        this.workItems = workItems;
        this.clock = clock;
        this.password = password;
    }

    /**
     * Seeds once the application is ready: the engine's job executor, which moves the demo cases
     * through their asynchronous steps, starts only then. Seeding runs beside the starting app.
     */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        Thread seeder = new Thread(() -> {
            try {
                seed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("Seeding the demo data failed; delete ./data and start again", e);
            }
        }, "demo-data");
        seeder.setDaemon(true);
        seeder.start();
    }

    void seed() throws InterruptedException {
        if (!regions.all().isEmpty()) {
            log.info("Demo data present; leaving it as it is");
            return;
        }
        regions.save(new Region(new RegionCode(DemoAccounts.UTRECHT), "SWV Passend Primair Onderwijs Utrecht (demo)"));
        regions.save(new Region(new RegionCode(DemoAccounts.EEMLAND), "SWV Voortgezet Onderwijs Eemland (demo)"));
        DemoAccounts.ALL.forEach(a -> accounts.save(a.username(), a.displayName(), password, a.roles(),
                a.regions().stream().map(RegionCode::new).collect(Collectors.toSet())));

        for (int i = 0; i < PEOPLE.length; i++) {
            applications.submit(application(i), java.util.UUID.randomUUID());
        }
        ApplicationId certifiedSoon = advance(DemoAccounts.UTRECHT, "coordinator.utrecht");
        advance(DemoAccounts.EEMLAND, "coordinator.eemland");
        planTraining(certifiedSoon);
        log.info("Demo data seeded: 2 regions, {} accounts, {} applications", DemoAccounts.ALL.size(), PEOPLE.length);
        List<ApplicationId> buddies = new java.util.ArrayList<>();
        signIn("coordinator.utrecht");
        try {
            for (NewApplication buddy : DemoMatching.BUDDIES) {
                buddies.add(selectWithVog(buddy));
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        matching.seed(buddies);
        intervisie.seed(buddies);
        closure.seed(buddies);
        past.seed();
        history.seed();
    }

    private NewApplication application(int i) {
        String region = i % 2 == 0 ? DemoAccounts.UTRECHT : DemoAccounts.EEMLAND;
        SchoolLevel level = SchoolLevel.values()[i % SchoolLevel.values().length];
        ProblemArea area = ProblemArea.values()[1 + i % (ProblemArea.values().length - 2)];
        String first = PEOPLE[i][0];
        String last = PEOPLE[i][1];
        return new NewApplication(first, last,
                (first + "." + last).toLowerCase().replace(" ", "") + "@example.org", "06-1234" + String.format("%04d", i),
                new RegionCode(region), Set.of(level), Set.of(area, ProblemArea.THUISZITTER),
                i % 3 == 0 ? Set.of("nl", "en") : Set.of("nl"), 2 + i % 4,
                "Ik heb zelf ervaren hoe het is als je kind vastloopt op school en wil andere ouders steunen.", true,
                i % 5 == 4 ? "en" : "nl");
    }

    /** Moves the region's ten applications to every step of selection, as its coordinator. */
    private ApplicationId advance(String region, String coordinator) throws InterruptedException {
        ApplicationId selected = null;
        signIn(coordinator);
        try {
            List<WorkItem> items = awaitTasks(PEOPLE.length / 2);
            for (int i = 0; i < items.size(); i++) {
                WorkItem item = items.get(i);
                ApplicationId id = ApplicationId.of(item.subjectId());
                switch (i) {
                    case 0 -> workItems.claim(item.id());
                    case 1 -> applications.withdraw(id, "Heeft zich bedacht: te weinig tijd naast werk.");
                    case 2 -> screen(item, id, false, "Zoekt vooral betaald werk; past nu niet bij vrijwilligerswerk.");
                    case 3 -> screen(item, id, true, "Sterke motivatie, eigen ervaring met thuiszitten.");
                    case 4 -> schedule(screen(item, id, true, "Ruime ervaring met OPP-gesprekken."), id);
                    case 5 -> intake(schedule(screen(item, id, true, "Kent het samenwerkingsverband goed."), id), id);
                    case 6 -> assess(intake(schedule(screen(item, id, true, "Goede match met VO."), id), id), id, 3);
                    case 7 -> decide(assess(intake(schedule(screen(item, id, true, "Zeer geschikt."), id), id), id, 4), id,
                            Decision.SELECTED, "");
                    case 8 -> {
                        decide(assess(intake(schedule(screen(item, id, true, "Zeer geschikt."), id), id), id, 4), id,
                                Decision.SELECTED, "");
                        awaitStatus(id, ApplicationStatus.VOG_PENDING);
                        applications.registerVog(id, LocalDate.now(clock), LocalDate.now(clock).minusDays(10), true);
                        selected = id;
                    }
                    case 9 -> decide(assess(intake(schedule(screen(item, id, true, "Twijfel over beschikbaarheid."), id), id), id, 2),
                            id, Decision.ON_HOLD, "Kan pas na de zomer starten.");
                    default -> throw new IllegalStateException("ten applications per region");
                }
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        return selected;
    }

    /** A session next week for Utrecht's trainees, and the demo buddy's account linked to the selected applicant. */
    private void planTraining(ApplicationId trainee) throws InterruptedException {
        Instant deadline = clock.instant().plus(Duration.ofSeconds(60));
        while (!training.isEnrolled(trainee)) {
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("The selected demo buddy was not enrolled in time");
            }
            Thread.sleep(200);
        }
        signIn("coordinator.utrecht");
        training.linkAccount(trainee, "cursist.utrecht");
        signIn("trainer.utrecht");
        // One session starts a minute after seeding, so a demo trainer can record attendance right away.
        LocalDateTime soon = LocalDateTime.now(clock).plusMinutes(1).withSecond(0).withNano(0);
        training.scheduleSession(new NewSession(new RegionCode(DemoAccounts.UTRECHT), soon, soon.plusHours(4),
                "Steunpunt Utrecht, zaal 1", 12, Set.of("PASSEND_ONDERWIJS", "GESPREKSVAARDIGHEDEN", "ROL_EN_GRENZEN", "PRIVACY")));
        LocalDate nextWeek = LocalDate.now(clock).plusDays(7);
        training.scheduleSession(new NewSession(new RegionCode(DemoAccounts.UTRECHT), nextWeek.atTime(9, 0), nextWeek.atTime(13, 0),
                "Online (videolink volgt)", 12, Set.of("GESPREKSVAARDIGHEDEN", "PRIVACY")));
        SecurityContextHolder.clearContext();
    }

    /** Takes one application through selection to a valid VOG, as the signed-in coordinator. */
    private ApplicationId selectWithVog(NewApplication application) throws InterruptedException {
        ApplicationId id = applications.submit(application, java.util.UUID.randomUUID());
        Instant deadline = clock.instant().plus(Duration.ofSeconds(30));
        List<WorkItem> first = List.of();
        while (first.isEmpty()) {
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("The demo buddy's selection did not start in time");
            }
            Thread.sleep(100);
            first = workItems.find(WorkItemQuery.inbox().forCase(applications.contact(id).reference()), 0, 1);
        }
        decide(assess(intake(schedule(screen(first.get(0), id, true, "Ervaren ouder, sterke motivatie."), id), id), id, 4), id,
                Decision.SELECTED, "");
        awaitStatus(id, ApplicationStatus.VOG_PENDING);
        applications.registerVog(id, LocalDate.now(clock), LocalDate.now(clock).minusDays(14), true);
        return id;
    }

    private void signIn(String username) {
        Actor actor = accounts.account(username).orElseThrow();
        BuddyUser user = new BuddyUser(actor, "", true);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private WorkItem screen(WorkItem item, ApplicationId id, boolean suitable, String note) throws InterruptedException {
        workItems.complete(item.id(), Map.of(RecruitmentProcess.Variables.SUITABLE, suitable),
                () -> applications.recordScreening(id, suitable, note));
        return suitable ? next(item) : item;
    }

    private WorkItem schedule(WorkItem item, ApplicationId id) throws InterruptedException {
        workItems.complete(item.id(), Map.of(), () -> applications.scheduleIntake(id,
                LocalDate.now(clock).plusDays(7).atTime(10, 0), "Steunpunt, Oudegracht 1, Utrecht"));
        return next(item);
    }

    private WorkItem intake(WorkItem item, ApplicationId id) throws InterruptedException {
        workItems.complete(item.id(), Map.of(),
                () -> applications.recordIntake(id, LocalDate.now(clock), "Open gesprek; kent de rol van een buddy."));
        return next(item);
    }

    /** Every competence gets {@code score}; 3 or 4 makes the advice "selected", 2 "on hold". */
    private WorkItem assess(WorkItem item, ApplicationId id, int score) throws InterruptedException {
        Map<Competence, CompetenceScore> scores = new EnumMap<>(Competence.class);
        for (Competence competence : Competence.values()) {
            scores.put(competence, new CompetenceScore(competence, score, null));
        }
        workItems.complete(item.id(), Map.of(), () -> applications.recordAssessment(id, scores));
        return next(item);
    }

    private void decide(WorkItem item, ApplicationId id, Decision decision, String reason) {
        workItems.complete(item.id(), Map.of(RecruitmentProcess.Variables.DECISION, decision.name()),
                () -> applications.recordDecision(id, decision, reason, null));
    }

    private void awaitStatus(ApplicationId id, ApplicationStatus status) throws InterruptedException {
        Instant deadline = clock.instant().plus(Duration.ofSeconds(30));
        while (applications.status(id) != status) {
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("Application " + id + " did not reach " + status);
            }
            Thread.sleep(100);
        }
    }

    /** The next open task of the same case. */
    private WorkItem next(WorkItem previous) throws InterruptedException {
        Instant deadline = clock.instant().plus(Duration.ofSeconds(30));
        while (clock.instant().isBefore(deadline)) {
            List<WorkItem> open = workItems.find(WorkItemQuery.inbox().forCase(previous.caseReference()), 0, 1);
            if (!open.isEmpty()) {
                return open.get(0);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("No next task for " + previous.caseReference());
    }

    private List<WorkItem> awaitTasks(int expected) throws InterruptedException {
        Instant deadline = clock.instant().plus(Duration.ofSeconds(60));
        while (workItems.count(WorkItemQuery.inbox()) < expected) {
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("The demo applications' processes did not start in time");
            }
            Thread.sleep(200);
        }
        return workItems.find(WorkItemQuery.inbox().sortedBy(WorkItemQuery.SortBy.CREATED, true), 0, expected);
    }
}
