package nl.steunpunt.buddy.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.closure.Closures;
import nl.steunpunt.buddy.closure.ConversationOutcome;
import nl.steunpunt.buddy.matching.BuddyMatch;
import nl.steunpunt.buddy.matching.Channel;
import nl.steunpunt.buddy.matching.ClosureReason;
import nl.steunpunt.buddy.matching.HelpRequestDetails;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequestStatus;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.matching.NewHelpRequest;
import nl.steunpunt.buddy.matching.RequesterKind;
import nl.steunpunt.buddy.matching.Urgency;
import nl.steunpunt.buddy.notification.MailTemplate;
import nl.steunpunt.buddy.notification.SentMail;
import nl.steunpunt.buddy.processes.ClosureProcess;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.workflow.SupportActions;
import nl.steunpunt.buddy.workflow.SupportEnded;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * Cases to close: a family with personal details of its own (so a test can look for every one of
 * them afterwards), its request taken to an active match, then ended the way the support process
 * ends it: the coordinator ends the match through its running support process, which publishes {@link SupportEnded}.
 */
@Component
public class ClosureWorld {

    private static final Pattern LINK = Pattern.compile("/evaluatie/([A-Za-z0-9_-]+)");

    private final TestWorld world;
    private final MatchingWorld matching;
    private final HelpRequests requests;
    private final Matchmaking matchmaking;
    private final SupportActions supportActions;
    private final Closures closures;
    private final WorkItems workItems;
    private final Clock clock;

    ClosureWorld(TestWorld world, MatchingWorld matching, HelpRequests requests, Matchmaking matchmaking, SupportActions supportActions,
            Closures closures, WorkItems workItems, Clock clock) {
        this.world = world;
        this.matching = matching;
        this.requests = requests;
        this.matchmaking = matchmaking;
        this.supportActions = supportActions;
        this.closures = closures;
        this.workItems = workItems;
        this.clock = clock;
    }

    /** Everything personal the family tells over the life of its case; each value occurs nowhere else. */
    public record Family(String name, String email, String phone, String child, String school, String question, String intakeNote,
            String firstContactNote, String introductionNote, String endNote) {

        public static Family fresh() {
            String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            String child = "Liekje" + tag;
            return new Family("Fenna Vlietstra" + tag, "fenna." + tag + "@example.org", "06" + Math.abs(tag.hashCode() % 100_000_000),
                    child, "Basisschool De Regenboog " + tag, "Onze dochter " + child + " zit al weken thuis (" + tag + ").",
                    "Intake: moeder van " + child + " is uitgeput " + tag, "Gebeld met " + tag, "Kennismaking bij " + tag + " thuis",
                    child + " gaat weer naar school " + tag);
        }

        /** The values that must not survive anonymisation; {@code extra} holds texts the test entered later. */
        public List<String> values(String... extra) {
            List<String> all = new java.util.ArrayList<>(List.of(name, email, phone, child, school, question, intakeNote,
                    firstContactNote, introductionNote, endNote));
            all.addAll(List.of(extra));
            return all;
        }
    }

    /** A case on its way to closure. */
    public record Case(MatchingWorld.Scene scene, MatchingWorld.Buddy buddy, HelpRequestId request, UUID matchId, String reference,
            Family family) {
    }

    /** A family's request by mail (or, without e-mail, taken by phone by the coordinator) taken to an active match with this buddy. */
    public Case activeCase(MatchingWorld.Scene scene, MatchingWorld.Buddy buddy, Family family, RequesterKind kind, boolean withEmail,
            String language) {
        NewHelpRequest request = new NewHelpRequest(kind, family.name(), withEmail ? family.email() : null, family.phone(), scene.region(),
                SchoolLevel.PO, Set.of(ProblemArea.THUISZITTER), "nl", Urgency.NORMAL, null, family.school(), "Utrecht", family.question(),
                true, language);
        HelpRequestId id = withEmail ? requests.submit(request, UUID.randomUUID())
                : world.as(scene.coordinator(), () -> requests.register(request, Channel.PHONE, UUID.randomUUID()));
        WorkItem intake = matching.awaitTask(scene.coordinator(), id, MatchingProcess.TASK_INTAKE_REQUEST);
        world.as(scene.coordinator(), () -> {
            HelpRequestDetails d = requests.open(id);
            workItems.complete(intake.id(), Map.of(), () -> requests.recordIntake(id, d.schoolLevel(), d.problemAreas(),
                    d.preferredLanguage(), d.urgency(), d.school().orElse(null), d.place().orElse(null), family.intakeNote()));
            return null;
        });
        matching.propose(scene.coordinator(), id, buddy, null);
        matching.answer(buddy, id, true, null);
        matching.awaitStatus(id, HelpRequestStatus.MATCHED);
        LocalDate today = LocalDate.now(clock);
        WorkItem firstContact = matching.awaitTask(buddy.username(), id, MatchingProcess.TASK_FIRST_CONTACT);
        world.as(buddy.username(), () -> {
            workItems.complete(firstContact.id(), Map.of(), () -> matchmaking.recordFirstContact(id, today, family.firstContactNote()));
            return null;
        });
        WorkItem introduction = matching.awaitTask(scene.coordinator(), id, MatchingProcess.TASK_INTRODUCTION_MEETING);
        world.as(scene.coordinator(), () -> {
            workItems.complete(introduction.id(), Map.of(), () -> matchmaking.recordIntroduction(id, today, family.introductionNote()));
            return null;
        });
        matching.awaitStatus(id, HelpRequestStatus.ACTIVE);
        BuddyMatch match = world.as(buddy.username(), () -> matchmaking.myMatches()).stream().filter(m -> m.request().equals(id))
                .findFirst().orElseThrow();
        return new Case(scene, buddy, id, match.matchId(), match.reference(), family);
    }

    /** An active case of a parent with e-mail, in Dutch. */
    public Case activeCase(MatchingWorld.Scene scene, MatchingWorld.Buddy buddy) {
        return activeCase(scene, buddy, Family.fresh(), RequesterKind.PARENT, true, "nl");
    }

    /**
     * The coordinator ends the match early with this reason, through the running support process: it
     * ends, publishes {@link SupportEnded}, and the closure process starts from that.
     */
    public void end(Case c, ClosureReason reason) {
        MatchingWorld.await().until(() -> supportActions.isRunning(c.matchId()));
        world.as(c.scene().coordinator(), () -> {
            supportActions.endEarly(c.matchId(), reason, c.family().endNote());
            return null;
        });
    }

    public WorkItem awaitTask(String username, Case c, String definitionKey) {
        return matching.awaitTask(username, c.matchId().toString(), definitionKey);
    }

    /** The coordinator holds the closing conversation; the process then gives the buddy her place back. */
    public void closingConversation(Case c, String notes) {
        WorkItem task = awaitTask(c.scene().coordinator(), c, ClosureProcess.TASK_CLOSING_CONVERSATION);
        world.as(c.scene().coordinator(), () -> {
            workItems.complete(task.id(), Map.of(),
                    () -> closures.recordConversation(c.matchId(), LocalDate.now(clock), ConversationOutcome.WELL, notes));
            return null;
        });
    }

    /** An ended case whose closing conversation is done and whose evaluation link went out; returns the link's token. */
    public String closedWithLink(Case c) {
        end(c, ClosureReason.GOAL_REACHED);
        closingConversation(c, "Afgerond");
        return awaitToken(c, MailTemplate.PARENT_EVALUATION_LINK);
    }

    /** The token of the newest mail of this template for the case. */
    public String awaitToken(Case c, MailTemplate template) {
        SentMail mail = MatchingWorld.await().until(() -> world.outbox().stream()
                .filter(m -> c.reference().equals(m.caseReference()) && m.template() == template).findFirst(), Optional::isPresent)
                .orElseThrow();
        Matcher matcher = LINK.matcher(mail.body());
        if (!matcher.find()) {
            throw new IllegalStateException("No evaluation link in " + mail.body().toLowerCase(Locale.ROOT));
        }
        return matcher.group(1);
    }
}
