package nl.steunpunt.buddy.ui;

import static nl.steunpunt.buddy.ui.MatchingWorld.await;
import static nl.steunpunt.buddy.ui.MatchingWorld.buddy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.steunpunt.buddy.matching.BatchProposal;
import nl.steunpunt.buddy.matching.BuddyMatch;
import nl.steunpunt.buddy.matching.CandidateList;
import nl.steunpunt.buddy.matching.Contribution;
import nl.steunpunt.buddy.matching.Criterion;
import nl.steunpunt.buddy.matching.ExcludedBuddy;
import nl.steunpunt.buddy.matching.HardRule;
import nl.steunpunt.buddy.matching.HelpRequestDetails;
import nl.steunpunt.buddy.matching.HelpRequestFilter;
import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequestStatus;
import nl.steunpunt.buddy.matching.HelpRequestSummary;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.MatchStatus;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.matching.ProposalForBuddy;
import nl.steunpunt.buddy.matching.ProposalRecord;
import nl.steunpunt.buddy.matching.ProposalRecord.ProposalSource;
import nl.steunpunt.buddy.matching.ProposalRecord.ProposalStatus;
import nl.steunpunt.buddy.matching.RankedCandidate;
import nl.steunpunt.buddy.notification.MailTemplate;
import nl.steunpunt.buddy.notification.SentMail;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.NotFoundException;
import nl.steunpunt.buddy.shared.ProblemArea;
import nl.steunpunt.buddy.shared.SchoolLevel;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.MatchingWorld.Buddy;
import nl.steunpunt.buddy.ui.MatchingWorld.Scene;
import nl.steunpunt.buddy.workflow.Phase;
import nl.steunpunt.buddy.workflow.WaitingListProposals;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;
import nl.steunpunt.buddy.workflow.internal.WorkingDays;

/**
 * Hulpvraag en koppeling through the whole app: the public form, intake, explained ranking,
 * proposal, the buddy's answer in her own task list, first contact, introduction and the active
 * match; overrides, declines, time-outs and escalation; the waiting list, early re-evaluation and
 * the optimal batch; withdrawal by the personal link; and who may do what.
 */
class MatchingFlowIntegrationTest extends ApplicationTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @Autowired TestWorld world;
    @Autowired MatchingWorld matching;
    @Autowired MatchingEvents events;
    @Autowired HelpRequests requests;
    @Autowired Matchmaking matchmaking;
    @Autowired WorkItems workItems;
    @Autowired WaitingListProposals waitingListProposals;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired TestClock clock;

    @AfterEach
    void tearDown() {
        clock.reset();
        world.signOut();
    }

    // ---- (a) ----------------------------------------------------------------------------------

    @Test
    void a_public_request_goes_through_intake_ranking_proposal_and_answer_to_an_active_match() {
        Scene scene = matching.scene();
        Scene other = matching.scene();
        List<Buddy> buddies = matching.certifiedBuddies(scene,
                buddy("anna").levels(SchoolLevel.PO, SchoolLevel.VO).areas(ProblemArea.THUISZITTER, ProblemArea.AUTISME).place("Utrecht"),
                buddy("bea").areas(ProblemArea.THUISZITTER).place("Zeist"));
        Buddy anna = buddies.get(0);
        Buddy bea = buddies.get(1);

        var form = matching.request(scene).areas(ProblemArea.THUISZITTER, ProblemArea.AUTISME).place("Utrecht").school("Het Baken");
        HelpRequestId id = form.submit();
        String reference = requests.contact(id).orElseThrow().reference();
        String token = requests.contact(id).orElseThrow().withdrawToken();

        // The intake is a task of the region's coordinators only, due in three working days.
        WorkItem intake = matching.awaitTask(scene.coordinator(), id, MatchingProcess.TASK_INTAKE_REQUEST);
        assertThat(intake.phase()).isEqualTo(Phase.MATCHING);
        assertThat(intake.region()).isEqualTo(scene.region());
        assertThat(intake.caseReference()).isEqualTo(reference);
        assertThat(intake.formKey()).isEqualTo(MatchingProcess.Forms.INTAKE_REQUEST);
        LocalDate created = LocalDate.ofInstant(intake.created(), ZONE);
        assertThat(intake.due()).contains(WorkingDays.add(created, 3).atTime(LocalTime.of(17, 0)).atZone(ZONE).toInstant());
        assertThat(matching.tasksOf(scene.colleague(), id)).extracting(WorkItem::id).containsExactly(intake.id());
        assertThat(matching.tasksOf(other.coordinator(), id)).isEmpty();
        assertThat(matching.tasksOf(anna.username(), id)).isEmpty();
        assertThat(requests.status(id)).isEqualTo(HelpRequestStatus.INTAKE);

        // The requester's confirmation carries her personal withdrawal link.
        SentMail confirmation = awaitMail(reference, MailTemplate.HELP_REQUEST_RECEIVED);
        assertThat(confirmation.to()).isEqualTo(form.email());
        assertThat(confirmation.body()).contains("/hulpvraag/intrekken/" + token);
        // the mail leaves after the step's transaction committed
        await().untilAsserted(() -> assertThat(receivedBy(form.email())).isNotEmpty());

        matching.intake(scene.coordinator(), id);
        WorkItem proposeTask = matching.awaitTask(scene.coordinator(), id, MatchingProcess.TASK_PROPOSE_BUDDY);
        assertThat(requests.status(id)).isEqualTo(HelpRequestStatus.SEARCHING);

        // Ranked and explained: the contributions add up to each score; the best fit comes first.
        CandidateList ranking = world.as(scene.coordinator(), () -> matchmaking.candidates(id));
        assertThat(ranking.candidates()).extracting(RankedCandidate::buddy).containsExactly(anna.id(), bea.id());
        assertThat(ranking.candidates()).extracting(RankedCandidate::position).containsExactly(1, 2);
        assertExplained(ranking.candidates());
        assertThat(ranking.candidates().get(0).score()).isEqualTo(ranking.maximum()).isGreaterThan(ranking.candidates().get(1).score());
        assertThat(ranking.candidates()).allSatisfy(c -> assertThat(c.hasAccount()).isTrue());
        assertThat(ranking.excluded()).isEmpty();

        matching.propose(scene.coordinator(), id, anna, null);
        assertThat(requests.status(id)).isEqualTo(HelpRequestStatus.PROPOSED);
        assertThat(matching.tasksOf(scene.coordinator(), id)).extracting(WorkItem::id).doesNotContain(proposeTask.id());

        // The buddy finds her answer task in her own list and sees the request without contact details.
        WorkItem answer = matching.awaitTask(anna.username(), id, MatchingProcess.TASK_ANSWER_PROPOSAL);
        assertThat(answer.assignee()).contains(anna.username());
        assertThat(answer.formKey()).isEqualTo(MatchingProcess.Forms.ANSWER_PROPOSAL);
        assertThat(answer.due()).isPresent();
        assertThatThrownBy(() -> world.as(anna.username(), () -> workItems.unclaim(answer.id())))
                .as("her answer is personal: no group to give it back to").isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("error.task.personal");
        assertThat(world.as(anna.username(), () -> workItems.get(answer.id())).orElseThrow().assignee()).contains(anna.username());
        assertThat(matching.tasksOf(bea.username(), id)).isEmpty();
        List<ProposalForBuddy> proposals = world.as(anna.username(), () -> matchmaking.myProposals());
        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.request()).isEqualTo(id);
            assertThat(p.reference()).isEqualTo(reference);
            assertThat(p.place()).contains("Utrecht");
            assertThat(p.problemAreas()).containsExactlyInAnyOrder(ProblemArea.THUISZITTER, ProblemArea.AUTISME);
            assertThat(p.toString()).doesNotContain(form.email()).doesNotContain("Ouder Test").doesNotContain("Het Baken");
        });
        assertThat(Arrays.stream(ProposalForBuddy.class.getRecordComponents()).map(RecordComponent::getName))
                .doesNotContain("contactName", "email", "phone", "question", "school");
        assertThat(world.as(anna.username(), () -> matchmaking.myMatches())).isEmpty();
        assertThat(world.as(bea.username(), () -> matchmaking.myProposals())).isEmpty();
        SentMail toBuddy = awaitMail(reference, MailTemplate.PROPOSAL_FOR_BUDDY);
        assertThat(toBuddy.to()).isEqualTo(anna.email());
        assertThat(toBuddy.body()).doesNotContain(form.email()).doesNotContain("Ouder Test");
        // the mail leaves after the step's transaction committed
        await().untilAsserted(() -> assertThat(receivedBy(anna.email())).isNotEmpty());
        assertThat(matching.inPool(scene, anna).orElseThrow().openMatches()).isEqualTo(1);

        // She accepts: now she gets the contact details, and makes first contact.
        matching.answer(anna, id, true, null);
        assertThat(requests.status(id)).isEqualTo(HelpRequestStatus.MATCHED);
        assertThat(world.as(anna.username(), () -> matchmaking.myMatches())).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(MatchStatus.STARTING);
            assertThat(m.contactName()).isEqualTo("Ouder Test");
            assertThat(m.email()).contains(form.email());
        });
        WorkItem firstContact = matching.awaitTask(anna.username(), id, MatchingProcess.TASK_FIRST_CONTACT);
        assertThat(firstContact.assignee()).contains(anna.username());
        assertThat(matching.tasksOf(scene.coordinator(), id)).isEmpty();
        LocalDate today = LocalDate.now(clock);
        world.as(anna.username(), () -> {
            workItems.complete(firstContact.id(), Map.of(),
                    () -> matchmaking.recordFirstContact(id, today, "Gebeld en een afspraak gemaakt"));
            return null;
        });

        WorkItem introduction = matching.awaitTask(scene.coordinator(), id, MatchingProcess.TASK_INTRODUCTION_MEETING);
        world.as(scene.coordinator(), () -> {
            workItems.complete(introduction.id(), Map.of(),
                    () -> matchmaking.recordIntroduction(id, today, "Kennismaking bij het gezin thuis"));
            return null;
        });

        // The activation job makes the match active and the process ends.
        matching.awaitStatus(id, HelpRequestStatus.ACTIVE);
        HelpRequestDetails details = world.as(scene.coordinator(), () -> requests.open(id));
        assertThat(details.match()).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(MatchStatus.ACTIVE);
            assertThat(m.buddy()).isEqualTo(anna.id());
            assertThat(m.firstContactOn()).contains(today);
            assertThat(m.introductionOn()).contains(today);
            assertThat(m.activatedAt()).isPresent();
        });
        assertThat(details.proposals()).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(ProposalStatus.ACCEPTED);
            assertThat(p.rankPosition()).contains(1);
            assertThat(p.score()).contains(ranking.candidates().get(0).score());
            assertThat(p.source()).isEqualTo(ProposalSource.RANKING);
            assertThat(p.overrideReason()).isEmpty();
            assertThat(p.explanation().stream().mapToInt(Contribution::points).sum()).isEqualTo(p.score().orElseThrow());
        });
        await().until(() -> !events.activated(id).isEmpty());
        assertThat(events.activated(id)).singleElement().satisfies(e -> {
            assertThat(e.buddy()).isEqualTo(anna.id());
            assertThat(e.region()).isEqualTo(scene.region());
            assertThat(e.reference()).isEqualTo(reference);
            assertThat(e.match()).isEqualTo(details.match().orElseThrow().id());
        });
        List<BuddyMatch> mine = world.as(anna.username(), () -> matchmaking.myMatches());
        assertThat(mine).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(MatchStatus.ACTIVE);
            assertThat(m.request()).isEqualTo(id);
            assertThat(m.email()).contains(form.email());
            assertThat(m.firstContactOn()).contains(today);
            assertThat(m.introductionOn()).contains(today);
        });
        await().until(() -> processEnded(reference));
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(processOf(reference))
                .activityId(MatchingProcess.EVENT_MATCH_ACTIVE).count()).isEqualTo(1);
        assertThat(matching.tasksOf(anna.username(), id)).isEmpty();
        assertThat(matching.inPool(scene, anna).orElseThrow().openMatches()).isEqualTo(1);
        assertThat(templatesSentFor(reference)).containsOnlyOnce(MailTemplate.HELP_REQUEST_RECEIVED, MailTemplate.PROPOSAL_FOR_BUDDY);
    }

    // ---- (b) and (c) ----------------------------------------------------------------------------

    @Test
    void a_lower_ranked_buddy_needs_a_reason_and_declines_and_time_outs_move_on_until_the_coordinator_is_asked() {
        Scene scene = matching.scene();
        List<Buddy> buddies = matching.certifiedBuddies(scene,
                buddy("anna").areas(ProblemArea.THUISZITTER, ProblemArea.ADHD).place("Utrecht"),
                buddy("bea").areas(ProblemArea.THUISZITTER).place("Utrecht"),
                buddy("cor").areas(ProblemArea.DYSLEXIE).place("Utrecht"));
        Buddy anna = buddies.get(0);
        Buddy bea = buddies.get(1);
        Buddy cor = buddies.get(2);
        HelpRequestId id = matching.request(scene).areas(ProblemArea.THUISZITTER, ProblemArea.ADHD).place("Utrecht").submit();
        String reference = requests.contact(id).orElseThrow().reference();
        WorkItem proposeTask = matching.toProposeTask(scene, id);

        CandidateList ranking = world.as(scene.coordinator(), () -> matchmaking.candidates(id));
        assertThat(ranking.candidates()).extracting(RankedCandidate::buddy).containsExactly(anna.id(), bea.id(), cor.id());
        assertExplained(ranking.candidates());

        // (b) Choosing the second-best without a reason is refused and changes nothing.
        for (String noReason : new String[] { null, "   " }) {
            assertThatThrownBy(() -> matching.propose(scene.coordinator(), id, bea, noReason))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(key(e)).isEqualTo("error.match.override-reason.required"));
        }
        world.signIn(scene.coordinator());
        assertThatThrownBy(() -> matchmaking.propose(id, bea.id(), null)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("error.match.override-reason.required"));
        world.signOut();
        assertThat(requests.status(id)).isEqualTo(HelpRequestStatus.SEARCHING);
        assertThat(proposalsOf(scene, id)).isEmpty();
        assertThat(matching.tasksOf(scene.coordinator(), id)).extracting(WorkItem::id).containsExactly(proposeTask.id());
        assertThat(matching.tasksOf(bea.username(), id)).isEmpty();
        assertThat(matching.inPool(scene, bea).orElseThrow().openMatches()).isZero();

        matching.propose(scene.coordinator(), id, bea, "Bea kent de school van het gezin");
        assertThat(proposalsOf(scene, id)).singleElement().satisfies(p -> {
            assertThat(p.buddy()).isEqualTo(bea.id());
            assertThat(p.status()).isEqualTo(ProposalStatus.PENDING);
            assertThat(p.overrideReason()).contains("Bea kent de school van het gezin");
            assertThat(p.rankPosition()).contains(2);
            assertThat(p.score()).contains(ranking.candidates().get(1).score());
            assertThat(p.proposedBy()).isEqualTo(scene.coordinator());
        });

        // (c) A decline needs a reason; with one, the next ranking leaves her out.
        WorkItem beaAnswer = matching.awaitTask(bea.username(), id, MatchingProcess.TASK_ANSWER_PROPOSAL);
        assertThatThrownBy(() -> matching.answer(bea, id, false, " ")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("error.match.decline-reason.required"));
        assertThat(matching.tasksOf(bea.username(), id)).extracting(WorkItem::id).containsExactly(beaAnswer.id());
        assertThat(proposalsOf(scene, id)).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(ProposalStatus.PENDING));

        matching.answer(bea, id, false, "Geen tijd deze maand");
        WorkItem secondPropose = awaitNewProposeTask(scene, id, proposeTask.id());
        assertThat(requests.status(id)).isEqualTo(HelpRequestStatus.SEARCHING);
        assertThat(proposalsOf(scene, id)).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(ProposalStatus.DECLINED);
            assertThat(p.declineReason()).contains("Geen tijd deze maand");
        });
        assertThat(matching.inPool(scene, bea).orElseThrow().openMatches()).isZero();
        CandidateList afterDecline = world.as(scene.coordinator(), () -> matchmaking.candidates(id));
        assertThat(afterDecline.candidates()).extracting(RankedCandidate::buddy).containsExactly(anna.id(), cor.id());
        assertThat(afterDecline.excluded()).extracting(ExcludedBuddy::buddy, ExcludedBuddy::rule)
                .containsExactly(tuple(bea.id(), HardRule.DECLINED_BEFORE));

        // No answer within three days counts as a decline.
        matching.propose(scene.coordinator(), id, anna, null);
        matching.awaitTask(anna.username(), id, MatchingProcess.TASK_ANSWER_PROPOSAL);
        Job noAnswer = managementService.createJobQuery().processInstanceId(processOf(reference)).timers()
                .activityId(MatchingProcess.EVENT_NO_ANSWER).singleResult();
        assertThat(noAnswer).isNotNull();
        assertThat(noAnswer.getDuedate().toInstant()).isAfter(Instant.now().plus(71, ChronoUnit.HOURS));
        managementService.executeJob(noAnswer.getId());
        WorkItem thirdPropose = awaitNewProposeTask(scene, id, secondPropose.id());
        assertThat(matching.tasksOf(anna.username(), id)).isEmpty();
        assertThat(world.as(anna.username(), () -> matchmaking.myProposals())).isEmpty();
        assertThat(proposalsOf(scene, id)).extracting(ProposalRecord::buddy, ProposalRecord::status).containsExactly(
                tuple(bea.id(), ProposalStatus.DECLINED),
                tuple(anna.id(), ProposalStatus.TIMED_OUT));
        CandidateList afterTimeOut = world.as(scene.coordinator(), () -> matchmaking.candidates(id));
        assertThat(afterTimeOut.candidates()).extracting(RankedCandidate::buddy).containsExactly(cor.id());
        assertThat(afterTimeOut.excluded()).extracting(ExcludedBuddy::buddy, ExcludedBuddy::rule).containsExactlyInAnyOrder(
                tuple(bea.id(), HardRule.DECLINED_BEFORE),
                tuple(anna.id(), HardRule.DECLINED_BEFORE));
        world.signIn(scene.coordinator());
        assertThatThrownBy(() -> matchmaking.propose(id, anna.id(), "Toch nog eens vragen")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("error.match.not-a-candidate.DECLINED_BEFORE"));
        world.signOut();
        assertThat(matching.tasksOf(scene.coordinator(), id)).extracting(WorkItem::id).containsExactly(thirdPropose.id());

        // The third decline goes to the coordinators to discuss.
        matching.propose(scene.coordinator(), id, cor, null);
        matching.answer(cor, id, false, "Dyslexie is niet mijn ervaring");
        WorkItem escalation = matching.awaitTask(scene.coordinator(), id, MatchingProcess.TASK_ESCALATE_MATCHING);
        assertThat(escalation.formKey()).isEqualTo(MatchingProcess.Forms.ESCALATE_MATCHING);
        assertThat(matching.tasksOf(scene.colleague(), id)).extracting(WorkItem::id).containsExactly(escalation.id());
        assertThat(matching.tasksOf(scene.coordinator(), id)).extracting(WorkItem::definitionKey)
                .containsExactly(MatchingProcess.TASK_ESCALATE_MATCHING);
        assertThat(runtimeService.getVariable(processOf(reference), MatchingProcess.Variables.DECLINE_COUNT)).isEqualTo(3);
        assertThat(world.as(scene.coordinator(), () -> matchmaking.candidates(id)).candidates()).isEmpty();
        assertThat(proposalsOf(scene, id)).extracting(ProposalRecord::status)
                .containsExactly(ProposalStatus.DECLINED, ProposalStatus.TIMED_OUT, ProposalStatus.DECLINED);
        assertThat(List.of(anna, bea, cor)).allSatisfy(b -> assertThat(matching.inPool(scene, b).orElseThrow().openMatches()).isZero());
    }

    // ---- (d) ----------------------------------------------------------------------------------

    @Test
    void a_request_without_a_candidate_waits_and_comes_back_as_soon_as_a_buddy_is_certified() {
        Scene scene = matching.scene();
        Scene other = matching.scene();
        HelpRequestId id = matching.request(scene).submit();
        String reference = requests.contact(id).orElseThrow().reference();
        matching.intake(scene.coordinator(), id);

        matching.awaitStatus(id, HelpRequestStatus.WAITING);
        assertThat(world.as(scene.coordinator(), () -> matchmaking.waitingList())).singleElement().satisfies(w -> {
            assertThat(w.id()).isEqualTo(id);
            assertThat(w.waitingSince()).isPresent();
        });
        assertThat(world.as(other.coordinator(), () -> matchmaking.waitingList())).isEmpty();
        assertThat(world.as(scene.coordinator(), () -> matchmaking.candidates(id)).candidates()).isEmpty();
        Job reevaluation = await().until(() -> waitingTimer(reference), job -> job != null);
        assertThat(reevaluation.getDuedate().toInstant()).isAfter(Instant.now().plus(6, ChronoUnit.DAYS));
        assertThat(matching.tasksOf(scene.coordinator(), id)).isEmpty();

        Buddy dora = matching.certifiedBuddy(scene, buddy("dora"));

        // The certification announces capacity: the weekly look happens now, not in seven days.
        matching.awaitTask(scene.coordinator(), id, MatchingProcess.TASK_PROPOSE_BUDDY);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(processOf(reference))
                .activityId(MatchingProcess.EVENT_REEVALUATE_WAITING_LIST).finished().singleResult().getEndTime().toInstant())
                .isBefore(reevaluation.getDuedate().toInstant().minus(6, ChronoUnit.DAYS));
        assertThat(requests.status(id)).isEqualTo(HelpRequestStatus.SEARCHING);
        // It keeps its place on the waiting list (and in a batch) until someone is proposed.
        assertThat(world.as(scene.coordinator(), () -> matchmaking.waitingList())).extracting(HelpRequestSummary::id)
                .containsExactly(id);
        assertThat(world.as(scene.coordinator(), () -> matchmaking.candidates(id)).candidates()).extracting(RankedCandidate::buddy)
                .containsExactly(dora.id());
        matching.propose(scene.coordinator(), id, dora, null);
        assertThat(requests.status(id)).isEqualTo(HelpRequestStatus.PROPOSED);
        assertThat(world.as(scene.coordinator(), () -> matchmaking.waitingList())).isEmpty();
        matching.awaitTask(dora.username(), id, MatchingProcess.TASK_ANSWER_PROPOSAL);
    }

    @Test
    void a_waiting_request_comes_back_as_soon_as_a_coordinator_gives_a_full_buddy_more_room() {
        Scene scene = matching.scene();
        Buddy eva = matching.certifiedBuddy(scene, buddy("eva").maxMatches(0));
        HelpRequestId id = matching.request(scene).submit();
        String reference = requests.contact(id).orElseThrow().reference();
        matching.intake(scene.coordinator(), id);
        matching.awaitStatus(id, HelpRequestStatus.WAITING);
        Job reevaluation = await().until(() -> waitingTimer(reference), job -> job != null);
        assertThat(reevaluation.getDuedate().toInstant()).isAfter(Instant.now().plus(6, ChronoUnit.DAYS));

        world.as(scene.coordinator(), () -> {
            matchmaking.saveBuddyProfile(eva.id(), null, Set.of(), 1);
            return null;
        });

        // More room for a buddy is capacity too: the weekly look happens now.
        matching.awaitTask(scene.coordinator(), id, MatchingProcess.TASK_PROPOSE_BUDDY);
        assertThat(world.as(scene.coordinator(), () -> matchmaking.candidates(id)).candidates()).extracting(RankedCandidate::buddy)
                .containsExactly(eva.id());
    }

    // ---- (e) ----------------------------------------------------------------------------------

    @Test
    void the_batch_proposal_of_the_waiting_list_is_the_best_possible_and_is_proposed_all_or_nothing() {
        Scene scene = matching.scene();
        // Nobody can take a request yet: the region's maximum is 0.
        world.as(scene.admin(), () -> {
            matchmaking.saveSettings(scene.region(), defaultWeights(), 25, 0);
            return null;
        });
        List<Buddy> buddies = matching.certifiedBuddies(scene,
                buddy("anna").levels(SchoolLevel.PO, SchoolLevel.VO).areas(ProblemArea.THUISZITTER, ProblemArea.AUTISME).place("Utrecht"),
                buddy("bea").levels(SchoolLevel.PO).areas(ProblemArea.THUISZITTER).place("Zeist").schools("De Regenboog"),
                buddy("cor").levels(SchoolLevel.VO).areas(ProblemArea.ADHD).languages("nl", "en").place("Amersfoort")
                        .schools("De Regenboog"));
        Buddy anna = buddies.get(0);
        Buddy bea = buddies.get(1);
        Buddy cor = buddies.get(2);

        // r1 fits anna best but bea too; only anna may take r2 (the others know its school); r3 is cor's.
        HelpRequestId r1 = matching.request(scene).level(SchoolLevel.PO).areas(ProblemArea.THUISZITTER, ProblemArea.AUTISME)
                .place("Utrecht").school("Het Baken").submit();
        HelpRequestId r2 = matching.request(scene).level(SchoolLevel.VO).areas(ProblemArea.AUTISME).place("Utrecht")
                .school("de  regenboog").submit();
        HelpRequestId r3 = matching.request(scene).level(SchoolLevel.VO).areas(ProblemArea.ADHD).language("en").place("Amersfoort")
                .submit();
        List<HelpRequestId> waiting = List.of(r1, r2, r3);
        for (HelpRequestId id : waiting) {
            matching.intake(scene.coordinator(), id);
            matching.awaitStatus(id, HelpRequestStatus.WAITING);
        }
        world.as(scene.admin(), () -> {
            matchmaking.saveSettings(scene.region(), defaultWeights(), 25, 1);
            return null;
        });

        world.signIn(scene.coordinator());
        assertThat(matchmaking.waitingList()).extracting(HelpRequestSummary::id).containsExactly(r1, r2, r3);
        BatchProposal batch = matchmaking.batchProposal();
        Map<HelpRequestId, Map<ApplicationId, Integer>> scores = new HashMap<>();
        Map<ApplicationId, Integer> free = new HashMap<>();
        for (HelpRequestId id : waiting) {
            CandidateList list = matchmaking.candidates(id);
            assertExplained(list.candidates());
            scores.put(id, list.candidates().stream().collect(Collectors.toMap(RankedCandidate::buddy, RankedCandidate::score)));
            list.candidates().forEach(c -> free.put(c.buddy(), c.maxMatches() - c.openMatches()));
        }
        assertThat(scores.get(r2).keySet()).containsExactly(anna.id());
        long best = bruteForce(waiting, 0, scores, new HashMap<>(free));
        long greedy = greedy(waiting, scores, new HashMap<>(free));
        assertThat(best).as("the instance is one where the first-come choice is not the best").isGreaterThan(greedy);

        assertThat(batch.totalScore()).isEqualTo(best);
        assertThat(batch.pairs().stream().mapToLong(BatchProposal.Pair::score).sum()).isEqualTo(best);
        assertThat(batch.stayWaiting()).isEmpty();
        assertThat(batch.pairs()).extracting(p -> p.request().id(), BatchProposal.Pair::buddy).containsExactly(
                tuple(r1, bea.id()),
                tuple(r2, anna.id()),
                tuple(r3, cor.id()));
        assertThat(batch.pairs()).allSatisfy(p -> {
            assertThat(p.score()).isEqualTo(scores.get(p.request().id()).get(p.buddy()));
            assertThat(p.contributions().stream().mapToInt(Contribution::points).sum()).isEqualTo(p.score());
            assertThat(p.buddyName()).isNotBlank();
        });

        // All or nothing: when a buddy's capacity changed after the review, nothing is proposed.
        matchmaking.saveBuddyProfile(cor.id(), "Amersfoort", Set.of("De Regenboog"), 0);
        assertThatThrownBy(() -> waitingListProposals.proposeBatch(batch.pairs())).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("error.match.not-a-candidate.NO_CAPACITY"));
        for (HelpRequestId id : waiting) {
            assertThat(requests.status(id)).isEqualTo(HelpRequestStatus.WAITING);
            assertThat(requests.open(id).proposals()).isEmpty();
        }
        assertThat(matching.tasksOf(anna.username(), r2)).isEmpty();
        assertThat(matching.tasksOf(bea.username(), r1)).isEmpty();
        assertThatThrownBy(() -> waitingListProposals.proposeBatch(List.of())).isInstanceOf(InvalidInputException.class);

        world.signIn(scene.coordinator());
        matchmaking.saveBuddyProfile(cor.id(), "Amersfoort", Set.of("De Regenboog"), null);
        waitingListProposals.proposeBatch(batch.pairs());
        world.signOut();

        for (BatchProposal.Pair pair : batch.pairs()) {
            Buddy buddy = buddies.stream().filter(b -> b.id().equals(pair.buddy())).findFirst().orElseThrow();
            HelpRequestId id = pair.request().id();
            WorkItem answer = matching.awaitTask(buddy.username(), id, MatchingProcess.TASK_ANSWER_PROPOSAL);
            assertThat(answer.assignee()).contains(buddy.username());
            assertThat(requests.status(id)).isEqualTo(HelpRequestStatus.PROPOSED);
            assertThat(proposalsOf(scene, id)).singleElement().satisfies(p -> {
                assertThat(p.source()).isEqualTo(ProposalSource.BATCH);
                assertThat(p.buddy()).isEqualTo(buddy.id());
                assertThat(p.rankPosition()).isEmpty();
                assertThat(p.overrideReason()).isEmpty();
                assertThat(p.score()).contains(pair.score());
            });
            assertThat(world.as(buddy.username(), () -> matchmaking.myProposals())).extracting(ProposalForBuddy::request)
                    .containsExactly(id);
        }
        assertThat(world.as(scene.coordinator(), () -> matchmaking.waitingList())).isEmpty();
    }

    // ---- (f) ----------------------------------------------------------------------------------

    @Test
    void the_requester_withdraws_by_her_personal_link_which_ends_the_process_and_frees_the_buddy() {
        Scene scene = matching.scene();
        Buddy eva = matching.certifiedBuddy(scene, buddy("eva").maxMatches(1));
        HelpRequestId first = matching.request(scene).submit();
        String reference = requests.contact(first).orElseThrow().reference();
        matching.toProposeTask(scene, first);
        matching.propose(scene.coordinator(), first, eva, null);
        WorkItem answer = matching.awaitTask(eva.username(), first, MatchingProcess.TASK_ANSWER_PROPOSAL);

        // Eva is full: a second request waits.
        HelpRequestId second = matching.request(scene).submit();
        matching.intake(scene.coordinator(), second);
        matching.awaitStatus(second, HelpRequestStatus.WAITING);
        assertThat(world.as(scene.coordinator(), () -> matchmaking.candidates(second)).excluded())
                .extracting(ExcludedBuddy::buddy, ExcludedBuddy::rule)
                .containsExactly(tuple(eva.id(), HardRule.NO_CAPACITY));

        // An unknown or malformed link changes nothing.
        for (String bad : new String[] { "onbekend-token", "x".repeat(65), null }) {
            assertThatThrownBy(() -> requests.withdrawByLink(bad, "Weg ermee")).isInstanceOf(NotFoundException.class)
                    .satisfies(e -> assertThat(key(e)).isEqualTo("error.help-request.link.invalid"));
            assertThat(requests.byLink(bad)).isEmpty();
        }
        assertThat(requests.status(first)).isEqualTo(HelpRequestStatus.PROPOSED);
        assertThat(proposalsOf(scene, first)).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(ProposalStatus.PENDING));
        assertThat(matching.tasksOf(eva.username(), first)).extracting(WorkItem::id).containsExactly(answer.id());

        String token = requests.contact(first).orElseThrow().withdrawToken();
        assertThat(requests.byLink(token)).hasValueSatisfying(s -> {
            assertThat(s.reference()).isEqualTo(reference);
            assertThat(s.status()).isEqualTo(HelpRequestStatus.PROPOSED);
        });
        requests.withdrawByLink(token, "We hebben al hulp gevonden");

        assertThat(requests.status(first)).isEqualTo(HelpRequestStatus.WITHDRAWN);
        await().until(() -> processEnded(reference));
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(processOf(reference))
                .activityId(MatchingProcess.TASK_RECORD_REQUEST_WITHDRAWAL).finished().count()).isEqualTo(1);
        assertThat(matching.tasksOf(eva.username(), first)).isEmpty();
        assertThat(world.as(eva.username(), () -> matchmaking.myProposals())).extracting(ProposalForBuddy::request)
                .doesNotContain(first);
        HelpRequestDetails withdrawn = world.as(scene.coordinator(), () -> requests.open(first));
        assertThat(withdrawn.withdrawalReason()).contains("We hebben al hulp gevonden");
        assertThat(withdrawn.proposals()).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(ProposalStatus.WITHDRAWN));
        assertThat(requests.byLink(token)).hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(HelpRequestStatus.WITHDRAWN));
        assertThatThrownBy(() -> requests.withdrawByLink(token, "Nog een keer")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("error.help-request.closed"));

        // Her place is free again, and the waiting request is looked at again right away.
        WorkItem proposeSecond = matching.awaitTask(scene.coordinator(), second, MatchingProcess.TASK_PROPOSE_BUDDY);
        assertThat(proposeSecond).isNotNull();
        assertThat(matching.inPool(scene, eva).orElseThrow().openMatches()).isZero();
        assertThat(world.as(scene.coordinator(), () -> matchmaking.candidates(second)).candidates()).extracting(RankedCandidate::buddy)
                .containsExactly(eva.id());
        matching.propose(scene.coordinator(), second, eva, null);
        matching.awaitTask(eva.username(), second, MatchingProcess.TASK_ANSWER_PROPOSAL);
    }

    // ---- (g) ----------------------------------------------------------------------------------

    @Test
    void only_the_regions_coordinators_work_on_a_request_and_only_the_proposed_buddy_answers() {
        Scene scene = matching.scene();
        Scene other = matching.scene();
        Buddy fay = matching.certifiedBuddy(scene, buddy("fay"));
        String gijs = matching.buddyAccount(scene, "gijs");
        HelpRequestId id = matching.request(scene).submit();
        WorkItem proposeTask = matching.toProposeTask(scene, id);

        world.signIn(other.coordinator());
        assertThatThrownBy(() -> requests.open(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requests.viewLog(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> matchmaking.candidates(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> matchmaking.propose(id, fay.id(), "Ik help graag mee")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requests.withdraw(id, "Niet van ons")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workItems.get(proposeTask.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workItems.complete(proposeTask.id(), Map.of(), () -> { }))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(requests.search(HelpRequestFilter.open(), 0, 1000)).extracting(HelpRequestSummary::id).doesNotContain(id);
        assertThat(matchmaking.pool()).extracting(p -> p.id()).doesNotContain(fay.id());

        world.signIn(fay.username());
        assertThatThrownBy(() -> requests.open(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> matchmaking.candidates(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> matchmaking.propose(id, fay.id(), "Ik wil zelf")).isInstanceOf(AccessDeniedException.class);
        world.signOut();

        assertThat(requests.status(id)).isEqualTo(HelpRequestStatus.SEARCHING);
        assertThat(world.as(scene.coordinator(), () -> requests.open(id)).proposals()).isEmpty();
        assertThat(world.as(scene.coordinator(), () -> requests.viewLog(id))).anySatisfy(line -> assertThat(line).startsWith(scene.coordinator()));

        matching.propose(scene.coordinator(), id, fay, null);
        WorkItem answer = matching.awaitTask(fay.username(), id, MatchingProcess.TASK_ANSWER_PROPOSAL);

        for (String stranger : List.of(gijs, other.coordinator(), scene.coordinator())) {
            world.signIn(stranger);
            assertThatThrownBy(() -> matchmaking.answer(id, true, null)).isInstanceOf(AccessDeniedException.class)
                    .satisfies(e -> assertThat(key(e)).isEqualTo("error.match.not-your-proposal"));
            assertThat(matchmaking.myProposals()).isEmpty();
        }
        world.signIn(gijs);
        assertThat(matching.tasksOf(gijs, id)).isEmpty();
        assertThatThrownBy(() -> workItems.get(answer.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workItems.complete(answer.id(), Map.of(MatchingProcess.Variables.ACCEPTED, true),
                () -> matchmaking.answer(id, true, null))).isInstanceOf(AccessDeniedException.class);
        world.signOut();

        assertThat(requests.status(id)).isEqualTo(HelpRequestStatus.PROPOSED);
        assertThat(proposalsOf(scene, id)).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(ProposalStatus.PENDING);
            assertThat(p.buddy()).isEqualTo(fay.id());
        });
        assertThat(matching.tasksOf(fay.username(), id)).extracting(WorkItem::id).containsExactly(answer.id());
        matching.answer(fay, id, true, null);
        assertThat(requests.status(id)).isEqualTo(HelpRequestStatus.MATCHED);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static void assertExplained(List<RankedCandidate> candidates) {
        for (int i = 0; i < candidates.size(); i++) {
            RankedCandidate c = candidates.get(i);
            assertThat(c.contributions()).extracting(Contribution::criterion).containsExactlyInAnyOrder(Criterion.values());
            assertThat(c.contributions().stream().mapToInt(Contribution::points).sum()).as("score of %s", c.name()).isEqualTo(c.score());
            if (i > 0) {
                assertThat(c.score()).isLessThanOrEqualTo(candidates.get(i - 1).score());
            }
        }
    }

    /** The largest total score over all assignments that respect each buddy's free places. */
    private static long bruteForce(List<HelpRequestId> requests, int index, Map<HelpRequestId, Map<ApplicationId, Integer>> scores,
            Map<ApplicationId, Integer> free) {
        if (index == requests.size()) {
            return 0;
        }
        HelpRequestId request = requests.get(index);
        long best = bruteForce(requests, index + 1, scores, free);
        for (var candidate : scores.get(request).entrySet()) {
            if (free.getOrDefault(candidate.getKey(), 0) > 0) {
                free.merge(candidate.getKey(), -1, Integer::sum);
                best = Math.max(best, candidate.getValue() + bruteForce(requests, index + 1, scores, free));
                free.merge(candidate.getKey(), 1, Integer::sum);
            }
        }
        return best;
    }

    /** First come, first served: each request in turn takes its best free buddy. */
    private static long greedy(List<HelpRequestId> requests, Map<HelpRequestId, Map<ApplicationId, Integer>> scores,
            Map<ApplicationId, Integer> free) {
        long total = 0;
        for (HelpRequestId request : requests) {
            var best = scores.get(request).entrySet().stream().filter(e -> free.getOrDefault(e.getKey(), 0) > 0)
                    .max(Map.Entry.comparingByValue());
            if (best.isPresent()) {
                free.merge(best.get().getKey(), -1, Integer::sum);
                total += best.get().getValue();
            }
        }
        return total;
    }

    private static Map<Criterion, Integer> defaultWeights() {
        return Map.of(Criterion.PROBLEM_AREAS, 40, Criterion.SCHOOL_LEVEL, 20, Criterion.LANGUAGE, 15, Criterion.DISTANCE, 15,
                Criterion.AVAILABILITY, 10);
    }

    private List<ProposalRecord> proposalsOf(Scene scene, HelpRequestId id) {
        return world.as(scene.coordinator(), () -> requests.open(id).proposals());
    }

    private WorkItem awaitNewProposeTask(Scene scene, HelpRequestId id, String previousTaskId) {
        return await().until(() -> matching.tasksOf(scene.coordinator(), id).stream()
                .filter(t -> t.definitionKey().equals(MatchingProcess.TASK_PROPOSE_BUDDY) && !t.id().equals(previousTaskId)).toList(),
                list -> !list.isEmpty()).get(0);
    }

    private String processOf(String reference) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(MatchingProcess.PROCESS_ID)
                .processInstanceBusinessKey(reference).singleResult().getId();
    }

    private boolean processEnded(String reference) {
        var instance = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(MatchingProcess.PROCESS_ID)
                .processInstanceBusinessKey(reference).singleResult();
        return instance != null && instance.getEndTime() != null;
    }

    private Job waitingTimer(String reference) {
        var instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(MatchingProcess.PROCESS_ID)
                .processInstanceBusinessKey(reference).singleResult();
        if (instance == null) {
            return null;
        }
        return managementService.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(MatchingProcess.EVENT_REEVALUATE_WAITING_LIST).singleResult();
    }

    private SentMail awaitMail(String reference, MailTemplate template) {
        return await().until(() -> world.outbox().stream()
                .filter(m -> reference.equals(m.caseReference()) && m.template() == template).toList(), list -> !list.isEmpty()).get(0);
    }

    private List<MailTemplate> templatesSentFor(String reference) {
        return world.outbox().stream().filter(m -> reference.equals(m.caseReference())).map(SentMail::template).toList();
    }

    private static List<MimeMessage> receivedBy(String address) {
        List<MimeMessage> received = new ArrayList<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            try {
                Address[] to = message.getAllRecipients();
                if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
                    received.add(message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return received;
    }

    private static String key(Throwable e) {
        return ((TranslatableException) e).messageKey();
    }
}
