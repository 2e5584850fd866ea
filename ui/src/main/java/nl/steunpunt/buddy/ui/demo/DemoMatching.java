package nl.steunpunt.buddy.ui.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Profile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.matching.NewHelpRequest;
import nl.steunpunt.buddy.matching.PoolBuddy;
import nl.steunpunt.buddy.matching.RequesterKind;
import nl.steunpunt.buddy.matching.Urgency;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.processes.TrainingProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.NewApplication;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.support.ContactKind;
import nl.steunpunt.buddy.support.ContactLog;
import nl.steunpunt.buddy.support.ConcernUrgency;
import nl.steunpunt.buddy.support.MeetingPlan;
import nl.steunpunt.buddy.support.NewConcern;
import nl.steunpunt.buddy.workflow.SupportActions;
import nl.steunpunt.buddy.matching.MatchStatus;
import nl.steunpunt.buddy.support.NewContact;
import nl.steunpunt.buddy.training.CatalogueItem;
import nl.steunpunt.buddy.training.Judgement;
import nl.steunpunt.buddy.training.NewSession;
import nl.steunpunt.buddy.training.Training;
import nl.steunpunt.buddy.ui.security.LocalAccounts;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The matching part of the demo, all through the real services and processes: three Utrecht buddies
 * trained and certified (accounts buddy.utrecht, buddy.zeist, buddy.nieuwegein), Eemland as
 * neighbour region, and help requests at every step — two at intake, one ready to be proposed
 * (buddy.utrecht ranks first), one active match, and three on the waiting list that waited before
 * the buddies were certified, so a batch proposal can be reviewed. The active match's buddy has
 * logged two contacts with signal themes; its begeleiding runs, with a school meeting tomorrow (her
 * preparation task is open), a concern for the coordinators and a check-in due today.
 */
@Component
@Profile("demo")
class DemoMatching {

    private static final RegionCode UTRECHT = new RegionCode(DemoAccounts.UTRECHT);
    private static final String COORDINATOR = "coordinator.utrecht";
    private static final List<String> ACCOUNTS = List.of("buddy.utrecht", "buddy.zeist", "buddy.nieuwegein");
    private static final List<String> PLACES = List.of("Utrecht", "Zeist", "Nieuwegein");

    /** The applications of the three demo buddies who get certified. */
    static final List<NewApplication> BUDDIES = List.of(
            new NewApplication("Petra", "Visser", "petra.visser@example.org", "06-22334455", UTRECHT,
                    Set.of(SchoolLevel.PO, SchoolLevel.SO), Set.of(ProblemArea.THUISZITTER, ProblemArea.AUTISME, ProblemArea.OPP),
                    Set.of("nl", "en"), 6, "Mijn zoon zat een jaar thuis; ik weet hoe eenzaam dat is.", true, "nl"),
            new NewApplication("Youssef", "Bennani", "youssef.bennani@example.org", "06-33445566", UTRECHT,
                    Set.of(SchoolLevel.VO, SchoolLevel.PO), Set.of(ProblemArea.SCHORSING_VERWIJDERING, ProblemArea.ADHD),
                    Set.of("nl", "ar"), 4, "Ik wil ouders helpen het gesprek met school aan te gaan.", true, "nl"),
            new NewApplication("Anouk", "Mulder", "anouk.mulder@example.org", "06-44556677", UTRECHT,
                    Set.of(SchoolLevel.PO), Set.of(ProblemArea.DYSLEXIE, ProblemArea.HOOGBEGAAFDHEID, ProblemArea.ONDERSTEUNINGSBEHOEFTE),
                    Set.of("nl"), 3, "Onze dochter liep vast; met hulp vonden we de weg.", true, "nl"));

    private final DemoSteps steps;
    private final LocalAccounts accounts;
    private final Training training;
    private final WorkItems workItems;
    private final HelpRequests requests;
    private final Matchmaking matchmaking;
    private final Clock clock;
    private final ContactLog contactLog;
    private final SupportActions support;

    DemoMatching(DemoSteps steps, LocalAccounts accounts, Training training, WorkItems workItems, HelpRequests requests, Matchmaking matchmaking,
            Clock clock, ContactLog contactLog, SupportActions support) {
        this.steps = steps;
        this.contactLog = contactLog;
        this.support = support;
        this.accounts = accounts;
        this.training = training;
        this.workItems = workItems;
        this.requests = requests;
        this.matchmaking = matchmaking;
        this.clock = clock;
    }

    void seed(List<ApplicationId> buddies) throws InterruptedException {
        try {
            steps.signIn("beheerder");
            matchmaking.saveNeighbours(UTRECHT, Set.of(new RegionCode(DemoAccounts.EEMLAND)));

            // Three requests wait: no buddy is certified yet.
            List<HelpRequestId> waiting = List.of(
                    request(RequesterKind.PARENT, "Marloes de Boer", SchoolLevel.PO, Set.of(ProblemArea.THUISZITTER, ProblemArea.AUTISME),
                            "Utrecht", Urgency.HIGH, "Onze zoon (9) zit sinds de herfstvakantie thuis. School zegt dat ze geen plek hebben."),
                    request(RequesterKind.PARENT, "Ahmed El Idrissi", SchoolLevel.VO, Set.of(ProblemArea.SCHORSING_VERWIJDERING),
                            "Zeist", Urgency.URGENT, "Mijn dochter is geschorst en er dreigt verwijdering. Volgende week is er een gesprek."),
                    request(RequesterKind.YOUTH, "Sem", SchoolLevel.PO, Set.of(ProblemArea.DYSLEXIE),
                            "Houten", Urgency.NORMAL, "Ik wil graag iemand die met mij en mijn ouders naar school gaat."));
            steps.signIn(COORDINATOR);
            for (HelpRequestId id : waiting) {
                intake(id);
            }
            steps.await(() -> waiting.stream().allMatch(id -> matchmaking.waitingList().stream().anyMatch(w -> w.id().equals(id))),
                    "the waiting list");

            certify(buddies);
            steps.signIn(COORDINATOR);
            for (int i = 0; i < buddies.size(); i++) {
                matchmaking.saveBuddyProfile(buddies.get(i), PLACES.get(i), i == 1 ? Set.of("Het Stedelijk Lyceum") : Set.of(), null);
            }

            // One active match: proposed to buddy.zeist, accepted, contacted, introduced.
            HelpRequestId active = request(RequesterKind.PARENT, "Ilona Kramer", SchoolLevel.VO, Set.of(ProblemArea.ADHD),
                    "Zeist", Urgency.NORMAL, "Onze zoon krijgt steeds strafwerk; we willen samen met school een plan maken.");
            intake(active);
            WorkItem propose = steps.awaitTask(active, MatchingProcess.TASK_PROPOSE_BUDDY);
            ApplicationId zeist = buddies.get(1);
            workItems.complete(propose.id(), Map.of(MatchingProcess.Variables.PROPOSED_BUDDY_USER_ID, "buddy.zeist"),
                    () -> matchmaking.propose(active, zeist, overrideUnlessFirst(active, zeist)));
            steps.signIn("buddy.zeist");
            workItems.complete(steps.awaitTask(active, MatchingProcess.TASK_ANSWER_PROPOSAL).id(), Map.of(MatchingProcess.Variables.ACCEPTED, true),
                    () -> matchmaking.answer(active, true, null));
            workItems.complete(steps.awaitTask(active, MatchingProcess.TASK_FIRST_CONTACT).id(), Map.of(),
                    () -> matchmaking.recordFirstContact(active, LocalDate.now(clock), "Fijn telefoongesprek, afspraak gemaakt."));
            steps.signIn(COORDINATOR);
            workItems.complete(steps.awaitTask(active, MatchingProcess.TASK_INTRODUCTION_MEETING).id(), Map.of(),
                    () -> matchmaking.recordIntroduction(active, LocalDate.now(clock), "Klik was er meteen."));
            // Her contact log so far: a call and the school meeting, with the signals they raised.
            steps.signIn("buddy.zeist");
            UUID match = matchmaking.myMatch(active).orElseThrow().matchId();
            contactLog.record(match, new NewContact(LocalDate.now(clock), ContactKind.PHONE, 30,
                    "Kennismaking telefonisch voorbereid; zorgen over strafwerk en de sfeer in de klas.", Set.of("COMMUNICATIE_SCHOOL_OUDERS")));
            contactLog.record(match, new NewContact(LocalDate.now(clock), ContactKind.SCHOOL_MEETING, 60,
                    "Gesprek met mentor en zorgcoördinator; afspraak over een time-outplek.", Set.of("ONDERSTEUNING_SCHOOL")));
            // Begeleiding has started: a school meeting tomorrow (so her preparation task is there now),
            // a concern for the coordinators, and the first check-in brought forward to today.
            steps.await(() -> matchmaking.matchFacts(match).map(f -> f.status() == MatchStatus.ACTIVE).orElse(false)
                    && support.isRunning(match), "support of the active match");
            LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
            support.planSchoolMeeting(match, new MeetingPlan(tomorrow, LocalTime.of(10, 0), LocalTime.of(11, 0), "Het Stedelijk Lyceum",
                    "Plan van aanpak bespreken met mentor en zorgcoördinator; ouders en buddy aanwezig."));
            support.raiseConcern(match, new NewConcern("Moeder is erg moe en twijfelt of ze de gesprekken met school volhoudt.",
                    ConcernUrgency.NORMAL));
            steps.signIn(COORDINATOR);
            support.checkInNow(match);

            // Ready to propose: buddy.utrecht ranks first.
            intake(request(RequesterKind.PARENT, "Joyce van Rijn", SchoolLevel.SO, Set.of(ProblemArea.AUTISME, ProblemArea.OPP),
                    "Utrecht", Urgency.HIGH, "Het OPP van onze dochter wordt herzien en we voelen ons niet gehoord."));
            // Two at intake, one from a young person.
            request(RequesterKind.PARENT, "Kees Jansen", SchoolLevel.MBO, Set.of(ProblemArea.ONDERSTEUNINGSBEHOEFTE),
                    "Nieuwegein", Urgency.NORMAL, "Mijn zoon krijgt op het mbo geen ondersteuning voor zijn dyscalculie.");
            request(RequesterKind.YOUTH, "Noor", SchoolLevel.VO, Set.of(ProblemArea.HOOGBEGAAFDHEID),
                    "De Bilt", Urgency.NORMAL, "Ik verveel me op school en ga steeds minder vaak. Ik wil dat iemand me helpt dit te bespreken.");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private HelpRequestId request(RequesterKind kind, String name, SchoolLevel level, Set<ProblemArea> areas, String place,
            Urgency urgency, String question) {
        String email = name.toLowerCase().replace(" ", ".") + "@example.org";
        return requests.submit(new NewHelpRequest(kind, name, email, "06-55" + Math.abs(name.hashCode() % 1_000_000), UTRECHT, level, areas,
                "nl", urgency, urgency == Urgency.URGENT ? LocalDate.now(clock).plusDays(6) : null, null, place, question, true, "nl"),
                UUID.randomUUID());
    }

    private void intake(HelpRequestId id) throws InterruptedException {
        WorkItem task = steps.awaitTask(id, MatchingProcess.TASK_INTAKE_REQUEST);
        var d = requests.open(id);
        workItems.complete(task.id(), Map.of(), () -> requests.recordIntake(id, d.schoolLevel(), d.problemAreas(), d.preferredLanguage(),
                d.urgency(), null, d.place().orElse(null), "Telefonisch intakegesprek gevoerd; de vraag is helder."));
    }

    private String overrideUnlessFirst(HelpRequestId request, ApplicationId buddy) {
        var candidates = matchmaking.candidates(request).candidates();
        return !candidates.isEmpty() && candidates.get(0).buddy().equals(buddy) ? null
                : "Spreekt Arabisch en kent de school; dat weegt hier zwaarder.";
    }

    /** Trains and certifies the demo buddies through a session that starts right away and the trainer's sign-off. */
    private void certify(List<ApplicationId> buddies) throws InterruptedException {
        steps.await(() -> buddies.stream().allMatch(training::isEnrolled), "enrolment of the demo buddies");
        steps.signIn(COORDINATOR);
        for (int i = 0; i < buddies.size(); i++) {
            training.linkAccount(buddies.get(i), ACCOUNTS.get(i));
        }
        steps.signIn("trainer.utrecht");
        LocalDateTime start = LocalDateTime.now(clock).plusSeconds(2).withNano(0);
        UUID session = training.scheduleSession(new NewSession(UTRECHT, start, start.plusHours(4), "Steunpunt Utrecht, zaal 2", 12,
                training.modules().stream().map(CatalogueItem::code).collect(Collectors.toSet())));
        for (ApplicationId buddy : buddies) {
            training.addParticipant(session, buddy);
        }
        steps.await(() -> !LocalDateTime.now(clock).isBefore(start.plusSeconds(1)), "the start of the demo session");
        for (ApplicationId buddy : buddies) {
            training.recordAttendance(session, buddy, true);
        }
        List<Judgement> allMet = training.competences().stream().map(c -> new Judgement(c.code(), true, null)).toList();
        for (ApplicationId buddy : buddies) {
            WorkItem signOff = steps.awaitTask(buddy.toString(), TrainingProcess.TASK_SIGN_OFF);
            workItems.complete(signOff.id(), Map.of(TrainingProcess.Variables.ALL_MET, true), () -> training.signOff(buddy, allMet));
        }
        steps.signIn(COORDINATOR);
        steps.await(() -> matchmaking.pool().stream().filter(PoolBuddy::qualified).count() >= buddies.size(), "certification");
    }




}
