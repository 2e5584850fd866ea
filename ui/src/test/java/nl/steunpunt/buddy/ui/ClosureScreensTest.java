package nl.steunpunt.buddy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static nl.steunpunt.buddy.ui.MatchingWorld.buddy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import nl.steunpunt.buddy.matching.MatchOverview;
import nl.steunpunt.buddy.ui.support.MatchCaseView;
import nl.steunpunt.buddy.closure.BuddyScores;
import nl.steunpunt.buddy.closure.ClosureFile;
import nl.steunpunt.buddy.closure.Closures;
import nl.steunpunt.buddy.closure.ConversationOutcome;
import nl.steunpunt.buddy.closure.EvaluationInvitation;
import nl.steunpunt.buddy.closure.ParentScores;
import nl.steunpunt.buddy.matching.ClosureReason;
import nl.steunpunt.buddy.matching.MatchStatus;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.matching.RequesterKind;
import nl.steunpunt.buddy.processes.ClosureProcess;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.ClosureWorld.Case;
import nl.steunpunt.buddy.ui.ClosureWorld.Family;
import nl.steunpunt.buddy.ui.MatchingWorld.Buddy;
import nl.steunpunt.buddy.ui.MatchingWorld.Scene;
import nl.steunpunt.buddy.ui.base.BuddyI18NProvider;
import nl.steunpunt.buddy.ui.closure.AppreciationView;
import nl.steunpunt.buddy.ui.closure.BuddyEvaluationView;
import nl.steunpunt.buddy.ui.closure.ClosingConversationView;
import nl.steunpunt.buddy.ui.closure.ClosureSummary;
import nl.steunpunt.buddy.ui.matching.MyMatchesView;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** The closure screens of coordinator, buddy and parent, in the browser's place (Karibu). */
class ClosureScreensTest extends KaribuTest {

    @Autowired MatchingWorld matching;
    @Autowired ClosureWorld closing;
    @Autowired Closures closures;
    @Autowired Matchmaking matchmaking;
    @Autowired WorkItems workItems;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired JdbcClient db;
    @Autowired MatchOverview overview;

    @Test
    void the_coordinator_records_the_closing_conversation_and_a_coordinator_of_another_region_is_refused() {
        Scene scene = matching.scene();
        Scene other = matching.scene();
        Buddy buddy = matching.certifiedBuddy(scene, buddy("cora"));
        Case c = closing.activeCase(scene, buddy);
        closing.end(c, ClosureReason.PARENT_STOPS);
        WorkItem task = closing.awaitTask(scene.coordinator(), c, ClosureProcess.TASK_CLOSING_CONVERSATION);

        openAppAs(other.coordinator());
        UI.getCurrent().navigate(ClosingConversationView.class, task.id());
        assertThat(_get(Paragraph.class, spec -> spec.withId("task-problem")).getText())
                .isEqualTo(UI.getCurrent().getTranslation("error.access.other-region"));
        assertThatThrownBy(() -> closures.file(c.matchId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> closures.recordConversation(c.matchId(), java.time.LocalDate.now(), ConversationOutcome.WELL, "x"))
                .isInstanceOf(AccessDeniedException.class);
        closeApp();

        openAppAs(scene.coordinator());
        UI.getCurrent().navigate(ClosingConversationView.class, task.id());
        assertThat(_get(Paragraph.class, spec -> spec.withId("closure-reason")).getText()).contains("Ouder/jongere stopt");
        assertThat(_get(Paragraph.class, spec -> spec.withId("closure-conversation")).getText())
                .isEqualTo("Afsluitend gesprek: nog niet vastgelegd");
        _setValue(_get(TextArea.class, spec -> spec.withId("conversation-notes")), "Rustig gesprek");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(db.sql("SELECT count(*) FROM closing_conversation WHERE match_id = ?").param(c.matchId()).query(Long.class).single())
                .as("no outcome chosen: nothing saved").isZero();
        assertThat(closing.awaitTask(scene.coordinator(), c, ClosureProcess.TASK_CLOSING_CONVERSATION).id()).isEqualTo(task.id());

        @SuppressWarnings("unchecked")
        Select<ConversationOutcome> outcome = _get(Select.class, spec -> spec.withId("conversation-outcome"));
        _setValue(outcome, ConversationOutcome.MIXED);
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        MatchingWorld.await().until(() -> matchmaking.matchFacts(c.matchId()).orElseThrow().status() == MatchStatus.CLOSED);
        ClosureFile file = world.as(scene.coordinator(), () -> closures.file(c.matchId()));
        assertThat(file.conversation()).hasValueSatisfying(conversation -> {
            assertThat(conversation.outcome()).isEqualTo(ConversationOutcome.MIXED);
            assertThat(conversation.notes()).contains("Rustig gesprek");
        });
        assertThat(world.as(scene.coordinator(), () -> closures.readersOf(c.matchId()))).contains(scene.coordinator());

        // The closed match stays in her list of matches; its case view shows the closure.
        UI.getCurrent().navigate(MatchCaseView.class, c.matchId().toString());
        assertThat(_get(Paragraph.class, spec -> spec.withId("closure-conversation")).getText()).contains("Rustig gesprek");
        assertThat(_get(Paragraph.class, spec -> spec.withId("closure-reason")).getText()).contains("Ouder/jongere stopt");
        assertThat(world.as(scene.coordinator(), () -> overview.find(0, 100))).extracting(MatchOverview.MatchLine::matchId)
                .contains(c.matchId());
    }

    @Test
    void a_buddy_fills_in_her_own_evaluation_only_with_every_scale_and_another_buddy_is_refused() {
        Scene scene = matching.scene();
        List<Buddy> buddies = matching.certifiedBuddies(scene, buddy("dewi"), buddy("eva"));
        Buddy dewi = buddies.get(0);
        Buddy eva = buddies.get(1);
        Case c = closing.activeCase(scene, dewi);
        closing.closedWithLink(c);
        WorkItem task = closing.awaitTask(dewi.username(), c, ClosureProcess.TASK_BUDDY_EVALUATION);

        openAppAs(eva.username());
        UI.getCurrent().navigate(BuddyEvaluationView.class, task.id());
        _get(Paragraph.class, spec -> spec.withId("task-problem"));
        _assertNone(Button.class, spec -> spec.withId("complete-task"));
        BuddyScores scores = new BuddyScores(3, 3, 3, 3, 3);
        assertThatThrownBy(() -> closures.recordBuddyEvaluation(c.matchId(), scores, "niet de mijne")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> closures.ownEvaluation(c.matchId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> closures.reissueParentLink(c.matchId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> closures.expireParentLinks(c.matchId())).isInstanceOf(AccessDeniedException.class);
        closeApp();

        openAppAs(dewi.username());
        UI.getCurrent().navigate(MyMatchesView.class);
        _click(_get(Button.class, spec -> spec.withId("evaluate-" + c.reference())));
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(BuddyEvaluationView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("buddy-evaluation-about")).getText()).contains(c.reference(), "Doel bereikt");
        for (String id : List.of("buddy-prepared", "buddy-supported", "buddy-parent-contact", "buddy-school-cooperation")) {
            scale(id).setValue(4);
        }
        _setValue(_get(TextArea.class, spec -> spec.withId("buddy-comment")), "Leerzaam");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(scale("buddy-parent-in-control").isInvalid()).isTrue();
        assertThat(count("buddy_evaluation", c)).as("a scale left open: nothing saved").isZero();
        assertThatThrownBy(() -> closures.recordBuddyEvaluation(c.matchId(), new BuddyScores(0, 3, 3, 3, 6), null))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(key(e)).isEqualTo("error.closure.score"));
        assertThat(count("buddy_evaluation", c)).isZero();

        scale("buddy-parent-in-control").setValue(5);
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        assertThat(closures.ownEvaluation(c.matchId())).hasValueSatisfying(e -> {
            assertThat(e.scores()).isEqualTo(new BuddyScores(4, 4, 4, 4, 5));
            assertThat(e.comment()).contains("Leerzaam");
        });
        MatchingWorld.await().until(() -> matching.tasksOf(dewi.username(), c.matchId().toString()).isEmpty());
    }

    @Test
    void the_parent_evaluates_once_through_her_link_and_a_used_or_unknown_link_saves_nothing() {
        Scene scene = matching.scene();
        Buddy buddy = matching.certifiedBuddy(scene, buddy("fleur"));
        Case c = closing.activeCase(scene, buddy);
        String token = closing.closedWithLink(c);

        openAppAnonymously();
        UI.getCurrent().navigate("evaluatie/" + token);
        assertThat(_get(Paragraph.class, spec -> spec.withId("evaluation-intro")).getText())
                .isEqualTo(UI.getCurrent().getTranslation("parent-evaluation.intro.parent"));
        scale("evaluation-heard").setValue(5);
        scale("evaluation-control").setValue(4);
        _click(_get(Button.class, spec -> spec.withId("evaluation-send")));
        assertThat(scale("evaluation-school").isInvalid()).isTrue();
        assertThat(count("parent_evaluation", c)).as("a question left open: nothing saved").isZero();
        assertThatThrownBy(() -> closures.submitParentEvaluation(token, new ParentScores(5, 0, 3), null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(count("parent_evaluation", c)).isZero();

        scale("evaluation-school").setValue(3);
        _setValue(_get(TextArea.class, spec -> spec.withId("evaluation-comment")), "Dank aan de buddy");
        _click(_get(Button.class, spec -> spec.withId("evaluation-send")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("evaluation-done")).getText())
                .isEqualTo("Dank je wel! Je evaluatie is ontvangen.");
        assertThat(count("parent_evaluation", c)).isEqualTo(1);
        MatchingWorld.await().until(() -> historyService.createHistoricActivityInstanceQuery()
                .activityId(ClosureProcess.TASK_AWAIT_PARENT_EVALUATION).finished().list().stream()
                .anyMatch(a -> processOf(c).equals(a.getProcessInstanceId())));

        UI.getCurrent().navigate("evaluatie/" + token);
        assertThat(_get(Paragraph.class, spec -> spec.withId("evaluation-problem")).getText())
                .isEqualTo("Met deze link is de evaluatie al ingevuld. Dank je wel!");
        _assertNone(Button.class, spec -> spec.withId("evaluation-send"));

        UI.getCurrent().navigate("evaluatie/" + token + "x");
        assertThat(_get(Paragraph.class, spec -> spec.withId("evaluation-problem")).getText()).startsWith("Deze link kennen we niet.");
        UI.getCurrent().navigate("evaluatie");
        assertThat(_get(Paragraph.class, spec -> spec.withId("evaluation-problem")).getText()).startsWith("Deze link kennen we niet.");
        assertThat(db.sql("SELECT felt_heard, regained_control, school_cooperation FROM parent_evaluation WHERE match_id = ?")
                .param(c.matchId()).query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single()).containsExactly(5, 4, 3);
    }

    @Test
    void a_young_person_reads_youth_wording_in_english_and_an_expired_link_saves_nothing() {
        Scene scene = matching.scene();
        Buddy buddy = matching.certifiedBuddy(scene, buddy("gijs"));
        Case c = closing.activeCase(scene, buddy, Family.fresh(), RequesterKind.YOUTH, true, "en");
        String token = closing.closedWithLink(c);

        openAppAnonymously(BuddyI18NProvider.ENGLISH);
        UI.getCurrent().navigate("evaluatie/" + token);
        assertThat(_get(Paragraph.class, spec -> spec.withId("evaluation-intro")).getText())
                .isEqualTo("The support of your buddy has ended. What did you think of it? Your answers help us make it better for other young people.");
        assertThat(scale("evaluation-heard").getLabel()).isEqualTo("I felt heard and taken seriously");

        // The link expires while the page is open: sending then saves nothing and says why.
        closures.expireParentLinks(c.matchId());
        scale("evaluation-heard").setValue(5);
        scale("evaluation-control").setValue(5);
        scale("evaluation-school").setValue(5);
        _click(_get(Button.class, spec -> spec.withId("evaluation-send")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("evaluation-problem")).getText())
                .isEqualTo("This link has expired. Please contact the support centre if you still want to tell us something.");
        assertThat(count("parent_evaluation", c)).isZero();

        UI.getCurrent().navigate("evaluatie/" + token);
        assertThat(_get(Paragraph.class, spec -> spec.withId("evaluation-problem")).getText()).startsWith("This link has expired.");
        _assertNone(Button.class, spec -> spec.withId("evaluation-send"));
    }

    @Test
    void the_coordinator_records_the_appreciation_with_valid_expenses_and_passes_a_link_on_to_a_parent_without_email() {
        Scene scene = matching.scene();
        Buddy buddy = matching.certifiedBuddy(scene, buddy("hanna"));
        Case c = closing.activeCase(scene, buddy, Family.fresh(), RequesterKind.PARENT, false, "nl");
        closing.end(c, ClosureReason.NO_CONTACT);
        closing.closingConversation(c, "Telefonisch afgerond");
        WorkItem evaluation = closing.awaitTask(buddy.username(), c, ClosureProcess.TASK_BUDDY_EVALUATION);
        world.as(buddy.username(), () -> {
            workItems.complete(evaluation.id(), Map.of(), () -> closures.recordBuddyEvaluation(c.matchId(), new BuddyScores(5, 4, 3, 2, 1), null));
            return null;
        });
        WorkItem task = closing.awaitTask(scene.coordinator(), c, ClosureProcess.TASK_APPRECIATION);

        openAppAs(scene.coordinator());
        UI.getCurrent().navigate(AppreciationView.class, task.id());
        assertThat(_get(Paragraph.class, spec -> spec.withId("parent-link-explain")).getText()).contains("geen e-mailadres");
        _click(_get(Button.class, spec -> spec.withId("make-parent-link")));
        String link = _get(TextField.class, spec -> spec.withId("parent-link")).getValue();
        assertThat(link).contains("/evaluatie/");
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(closures.invitation(token).state()).isEqualTo(EvaluationInvitation.State.VALID);

        _setValue(_get(Checkbox.class, spec -> spec.withId("appreciation-thanks")), true);
        for (String invalid : List.of("-5", "12.505", "10000.01")) {
            NotificationsKt.clearNotifications();
            _setValue(_get(BigDecimalField.class, spec -> spec.withId("appreciation-expenses")), new BigDecimal(invalid));
            _click(_get(Button.class, spec -> spec.withId("complete-task")));
            assertThat(NotificationsKt.getNotifications().stream().map((Notification n) -> n.getElement().getProperty("text")))
                    .contains("Onkosten moeten tussen 0 en 10000.00 euro liggen, met hoogstens twee decimalen.");
            assertThat(count("buddy_appreciation", c)).as(invalid + " is refused: nothing saved").isZero();
        }
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("appreciation-expenses")), new BigDecimal("23.40"));
        _click(_get(Button.class, spec -> spec.withId("complete-task")));
        MatchingWorld.await().until(() -> matching.tasksOf(scene.coordinator(), c.matchId().toString()).isEmpty());

        ClosureFile file = world.as(scene.coordinator(), () -> closures.file(c.matchId()));
        assertThat(file.appreciation()).hasValueSatisfying(a -> {
            assertThat(a.thanksSent()).isTrue();
            assertThat(a.invitedToYearlyMeeting()).isFalse();
            assertThat(a.expenses()).hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo("23.40"));
        });
        assertThat(file.parentHasEmail()).isFalse();
    }

    @Test
    void the_closure_summary_shows_reason_conversation_scores_and_appreciation() {
        openAppAs(TestWorld.COORDINATOR_A);
        ClosureFile file = new ClosureFile(UUID.randomUUID(), "HV-2026-0042", TestWorld.REGION_A, Optional.of(ClosureReason.REFERRED),
                Optional.of(java.time.Instant.parse("2026-03-02T10:00:00Z")),
                Optional.of(new nl.steunpunt.buddy.closure.ClosingConversation(java.time.LocalDate.of(2026, 3, 5), ConversationOutcome.WELL,
                        Optional.empty(), "c", java.time.Instant.now())),
                nl.steunpunt.buddy.closure.LinkState.USED,
                Optional.of(new nl.steunpunt.buddy.closure.ParentEvaluation(new ParentScores(4, 5, 2), Optional.of("Top"), java.time.Instant.now())),
                Optional.empty(),
                Optional.of(new nl.steunpunt.buddy.closure.Appreciation(true, false, Optional.of(new BigDecimal("7.50")), "c",
                        java.time.Instant.now())),
                true);
        ClosureSummary summary = new ClosureSummary(file, ZoneId.of("Europe/Amsterdam"));
        UI.getCurrent().add(summary);

        assertThat(_get(Paragraph.class, spec -> spec.withId("closure-reason")).getText())
                .startsWith("Reden: Doorverwezen naar een professional");
        assertThat(_get(Paragraph.class, spec -> spec.withId("closure-conversation")).getText()).contains("Goed");
        assertThat(_get(Paragraph.class, spec -> spec.withId("closure-parent-evaluation")).getText())
                .isEqualTo("Evaluatie ouder: gehoord 4, weer regie 5, samenwerking met school beter 2 (van 5). Opmerking: Top");
        assertThat(_get(Paragraph.class, spec -> spec.withId("closure-buddy-evaluation")).getText())
                .isEqualTo("Evaluatie buddy: nog niet ingevuld");
        assertThat(_get(Paragraph.class, spec -> spec.withId("closure-appreciation")).getText())
                .isEqualTo("Bedankt: ja; uitgenodigd voor de jaarbijeenkomst: nee; onkosten: € 7.50");
    }

    // ---- helpers ------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<Integer> scale(String id) {
        return _get(RadioButtonGroup.class, spec -> spec.withId(id));
    }

    private long count(String table, Case c) {
        return db.sql("SELECT count(*) FROM " + table + " WHERE match_id = ?").param(c.matchId()).query(Long.class).single();
    }

    private String processOf(Case c) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ClosureProcess.PROCESS_ID)
                .processInstanceBusinessKey(c.reference()).singleResult().getId();
    }

    private static String key(Throwable e) {
        return ((TranslatableException) e).messageKey();
    }
}
