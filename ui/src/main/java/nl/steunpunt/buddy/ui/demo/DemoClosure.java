package nl.steunpunt.buddy.ui.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
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
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.ui.security.BuddyUser;
import nl.steunpunt.buddy.ui.security.LocalAccounts;
import nl.steunpunt.buddy.workflow.SupportActions;
import nl.steunpunt.buddy.workflow.SupportEnded;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
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
    private static final String BUDDY = "buddy.nieuwegein";

    private final LocalAccounts accounts;
    private final WorkItems workItems;
    private final HelpRequests requests;
    private final Matchmaking matchmaking;
    private final SupportActions support;
    private final Closures closures;
    private final Mailer mailer;
    private final Clock clock;

    DemoClosure(LocalAccounts accounts, WorkItems workItems, HelpRequests requests, Matchmaking matchmaking, SupportActions support,
            Closures closures, Mailer mailer, Clock clock) {
        this.accounts = accounts;
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
            signIn(COORDINATOR);
            WorkItem conversation = awaitTask(closed.toString(), ClosureProcess.TASK_CLOSING_CONVERSATION);
            workItems.complete(conversation.id(), Map.of(), () -> closures.recordConversation(closed, LocalDate.now(clock),
                    ConversationOutcome.WELL, "Ouder is tevreden; de school houdt zich aan de afspraken."));
            await(() -> matchmaking.matchFacts(closed).map(f -> f.status() == MatchStatus.CLOSED).orElse(false), "the closed match");
            String reference = matchmaking.matchFacts(closed).orElseThrow().reference();
            await(() -> mailer.recent(0, 500).stream().anyMatch(m -> reference.equals(m.caseReference())
                    && m.template() == MailTemplate.PARENT_EVALUATION_LINK), "the evaluation link in the outbox");

            UUID ending = activeMatch(nieuwegein, "Rachid Amrani", "rachid.amrani@example.org",
                    "Mijn zoon wordt steeds uit de klas gestuurd; ik wil dat school met ons meedenkt.");
            end(ending, ClosureReason.PARENT_STOPS, "De ouder heeft nu zelf goed contact met de intern begeleider.");
            signIn(COORDINATOR);
            awaitTask(ending.toString(), ClosureProcess.TASK_CLOSING_CONVERSATION);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private UUID activeMatch(ApplicationId buddy, String name, String email, String question) throws InterruptedException {
        HelpRequestId id = requests.submit(new NewHelpRequest(RequesterKind.PARENT, name, email, null, UTRECHT, SchoolLevel.PO,
                Set.of(ProblemArea.DYSLEXIE), "nl", Urgency.NORMAL, null, null, "Nieuwegein", question, true, "nl"), UUID.randomUUID());
        signIn(COORDINATOR);
        WorkItem intake = awaitTask(id.toString(), MatchingProcess.TASK_INTAKE_REQUEST);
        var d = requests.open(id);
        workItems.complete(intake.id(), Map.of(), () -> requests.recordIntake(id, d.schoolLevel(), d.problemAreas(), d.preferredLanguage(),
                d.urgency(), null, d.place().orElse(null), "Telefonisch intakegesprek gevoerd."));
        WorkItem propose = awaitTask(id.toString(), MatchingProcess.TASK_PROPOSE_BUDDY);
        var candidates = matchmaking.candidates(id).candidates();
        String reason = !candidates.isEmpty() && candidates.get(0).buddy().equals(buddy) ? null : "Kent dyslexie van dichtbij.";
        workItems.complete(propose.id(), Map.of(MatchingProcess.Variables.PROPOSED_BUDDY_USER_ID, BUDDY),
                () -> matchmaking.propose(id, buddy, reason));
        signIn(BUDDY);
        workItems.complete(awaitTask(id.toString(), MatchingProcess.TASK_ANSWER_PROPOSAL).id(),
                Map.of(MatchingProcess.Variables.ACCEPTED, true), () -> matchmaking.answer(id, true, null));
        workItems.complete(awaitTask(id.toString(), MatchingProcess.TASK_FIRST_CONTACT).id(), Map.of(),
                () -> matchmaking.recordFirstContact(id, LocalDate.now(clock), "Gebeld en afgesproken."));
        signIn(COORDINATOR);
        workItems.complete(awaitTask(id.toString(), MatchingProcess.TASK_INTRODUCTION_MEETING).id(), Map.of(),
                () -> matchmaking.recordIntroduction(id, LocalDate.now(clock), "Goede kennismaking."));
        signIn(BUDDY);
        UUID[] match = new UUID[1];
        await(() -> matchmaking.myMatch(id).filter(m -> m.status() == MatchStatus.ACTIVE).map(m -> match[0] = m.matchId()).isPresent(),
                "the active demo match");
        return match[0];
    }

    private void end(UUID matchId, ClosureReason reason, String note) throws InterruptedException {
        signIn(COORDINATOR);
        await(() -> support.isRunning(matchId), "the support process of the demo match");
        support.endEarly(matchId, reason, note);
    }

    private WorkItem awaitTask(String subject, String definitionKey) throws InterruptedException {
        WorkItem[] found = new WorkItem[1];
        await(() -> {
            found[0] = workItems.find(WorkItemQuery.inbox(), 0, 500).stream()
                    .filter(t -> subject.equals(t.subjectId()) && t.definitionKey().equals(definitionKey)).findFirst().orElse(null);
            return found[0] != null;
        }, definitionKey);
        return found[0];
    }

    private void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = clock.instant().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("Demo: waited too long for " + what);
            }
            Thread.sleep(200);
        }
    }

    private void signIn(String username) {
        Actor actor = accounts.find(username).orElseThrow();
        BuddyUser user = new BuddyUser(actor, "", true);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
