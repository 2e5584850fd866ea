package nl.steunpunt.buddy.ui.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.annotation.Profile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.closure.Closures;
import nl.steunpunt.buddy.closure.ConversationOutcome;
import nl.steunpunt.buddy.matching.ClosureReason;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.MatchStatus;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.matching.NewHelpRequest;
import nl.steunpunt.buddy.matching.RequesterKind;
import nl.steunpunt.buddy.matching.Urgency;
import nl.steunpunt.buddy.notification.MailTemplate;
import nl.steunpunt.buddy.notification.Mailer;
import nl.steunpunt.buddy.processes.ClosureProcess;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.workflow.SupportActions;
import nl.steunpunt.buddy.workflow.SupportEnded;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The closure part of the demo, through the real services and processes: two Utrecht matches of
 * buddy.nieuwegein whose support ended. One is closed: its closing conversation is held and the
 * parent's evaluation link is in the outbox, to open as the parent would. The other waits for
 * coordinator.utrecht's closing conversation. The coordinator ends each match early through its
 * running support process, which publishes {@link SupportEnded}; the closure starts from that.
 */
@Component
@Profile("demo")
class DemoClosure {

    private static final RegionCode UTRECHT = new RegionCode(DemoAccounts.UTRECHT);
    private static final String COORDINATOR = "coordinator.utrecht";
    /** The outbox is the administrator's to read. */
    private static final String ADMIN = "beheerder";
    private static final String BUDDY = "buddy.nieuwegein";

    private final DemoSteps steps;
    private final WorkItems workItems;
    private final HelpRequests requests;
    private final Matchmaking matchmaking;
    private final SupportActions support;
    private final Closures closures;
    private final Mailer mailer;
    private final Clock clock;

    DemoClosure(DemoSteps steps, WorkItems workItems, HelpRequests requests, Matchmaking matchmaking, SupportActions support,
            Closures closures, Mailer mailer, Clock clock) {
        this.steps = steps;
        this.workItems = workItems;
        this.requests = requests;
        this.matchmaking = matchmaking;
        this.support = support;
        this.closures = closures;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Seeds after matching: {@code buddies} are the certified demo buddies, buddy.nieuwegein last. */
    void seed(java.util.List<ApplicationId> buddies) throws InterruptedException {
        ApplicationId nieuwegein = buddies.get(2);
        try {
            UUID closed = activeMatch(nieuwegein, "Wendy Bos", "wendy.bos@example.org",
                    "Onze dochter heeft dyslexie en krijgt geen extra tijd bij toetsen.");
            end(closed, ClosureReason.GOAL_REACHED, "Extra tijd bij toetsen is geregeld; de ouder kan verder zelf.");
            steps.signIn(COORDINATOR);
            WorkItem conversation = steps.awaitTask(closed.toString(), ClosureProcess.TASK_CLOSING_CONVERSATION);
            workItems.complete(conversation.id(), Map.of(), () -> closures.recordConversation(closed, LocalDate.now(clock),
                    ConversationOutcome.WELL, "Ouder is tevreden; de school houdt zich aan de afspraken."));
            steps.await(() -> matchmaking.matchFacts(closed).map(f -> f.status() == MatchStatus.CLOSED).orElse(false), "the closed match");
            String reference = matchmaking.matchFacts(closed).orElseThrow().reference();
            steps.signIn(ADMIN);
            steps.await(() -> mailer.recent(0, 500).stream().anyMatch(m -> reference.equals(m.caseReference())
                    && m.template() == MailTemplate.PARENT_EVALUATION_LINK), "the evaluation link in the outbox");

            UUID ending = activeMatch(nieuwegein, "Rachid Amrani", "rachid.amrani@example.org",
                    "Mijn zoon wordt steeds uit de klas gestuurd; ik wil dat school met ons meedenkt.");
            end(ending, ClosureReason.PARENT_STOPS, "De ouder heeft nu zelf goed contact met de intern begeleider.");
            steps.signIn(COORDINATOR);
            steps.awaitTask(ending.toString(), ClosureProcess.TASK_CLOSING_CONVERSATION);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private UUID activeMatch(ApplicationId buddy, String name, String email, String question) throws InterruptedException {
        HelpRequestId id = requests.submit(new NewHelpRequest(RequesterKind.PARENT, name, email, null, UTRECHT, SchoolLevel.PO,
                Set.of(ProblemArea.DYSLEXIE), "nl", Urgency.NORMAL, null, null, "Nieuwegein", question, true, "nl"), UUID.randomUUID());
        steps.signIn(COORDINATOR);
        WorkItem intake = steps.awaitTask(id.toString(), MatchingProcess.TASK_INTAKE_REQUEST);
        var d = requests.open(id);
        workItems.complete(intake.id(), Map.of(), () -> requests.recordIntake(id, d.schoolLevel(), d.problemAreas(), d.preferredLanguage(),
                d.urgency(), null, d.place().orElse(null), "Telefonisch intakegesprek gevoerd."));
        WorkItem propose = steps.awaitTask(id.toString(), MatchingProcess.TASK_PROPOSE_BUDDY);
        var candidates = matchmaking.candidates(id).candidates();
        String reason = !candidates.isEmpty() && candidates.get(0).buddy().equals(buddy) ? null : "Kent dyslexie van dichtbij.";
        workItems.complete(propose.id(), Map.of(MatchingProcess.Variables.PROPOSED_BUDDY_USER_ID, BUDDY),
                () -> matchmaking.propose(id, buddy, reason));
        steps.signIn(BUDDY);
        workItems.complete(steps.awaitTask(id.toString(), MatchingProcess.TASK_ANSWER_PROPOSAL).id(),
                Map.of(MatchingProcess.Variables.ACCEPTED, true), () -> matchmaking.answer(id, true, null));
        workItems.complete(steps.awaitTask(id.toString(), MatchingProcess.TASK_FIRST_CONTACT).id(), Map.of(),
                () -> matchmaking.recordFirstContact(id, LocalDate.now(clock), "Gebeld en afgesproken."));
        steps.signIn(COORDINATOR);
        workItems.complete(steps.awaitTask(id.toString(), MatchingProcess.TASK_INTRODUCTION_MEETING).id(), Map.of(),
                () -> matchmaking.recordIntroduction(id, LocalDate.now(clock), "Goede kennismaking."));
        steps.signIn(BUDDY);
        UUID[] match = new UUID[1];
        steps.await(() -> matchmaking.myMatch(id).filter(m -> m.status() == MatchStatus.ACTIVE).map(m -> match[0] = m.matchId()).isPresent(),
                "the active demo match");
        return match[0];
    }

    private void end(UUID matchId, ClosureReason reason, String note) throws InterruptedException {
        steps.signIn(COORDINATOR);
        steps.await(() -> support.isRunning(matchId), "the support process of the demo match");
        support.endEarly(matchId, reason, note);
    }



}
