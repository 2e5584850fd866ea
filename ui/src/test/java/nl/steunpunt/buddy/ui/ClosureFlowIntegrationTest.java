package nl.steunpunt.buddy.ui;

import static nl.steunpunt.buddy.ui.MatchingWorld.await;
import static nl.steunpunt.buddy.ui.MatchingWorld.buddy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.steunpunt.buddy.support.ConcernUrgency;
import nl.steunpunt.buddy.support.ContactKind;
import nl.steunpunt.buddy.support.ContactLog;
import nl.steunpunt.buddy.support.MeetingPlan;
import nl.steunpunt.buddy.support.NewConcern;
import nl.steunpunt.buddy.support.NewContact;
import nl.steunpunt.buddy.workflow.SupportActions;
import nl.steunpunt.buddy.closure.BuddyScores;
import nl.steunpunt.buddy.closure.Closures;
import nl.steunpunt.buddy.closure.EvaluationInvitation;
import nl.steunpunt.buddy.closure.ParentScores;
import nl.steunpunt.buddy.matching.ClosureReason;
import nl.steunpunt.buddy.matching.MatchStatus;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.notification.MailTemplate;
import nl.steunpunt.buddy.processes.ClosureProcess;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.ClosureWorld.Case;
import nl.steunpunt.buddy.ui.ClosureWorld.Family;
import nl.steunpunt.buddy.ui.MatchingWorld.Buddy;
import nl.steunpunt.buddy.ui.MatchingWorld.Scene;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * Afsluiting through the whole application, job executor on: from an active match that ends, via
 * the closing conversation, the buddy back in the pool, both evaluations and the appreciation, to
 * the retention timer twelve months later, after which no personal value of that family is left in
 * any table of the database (engine history included) while the anonymised statistics remain.
 */
class ClosureFlowIntegrationTest extends ApplicationTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Autowired TestWorld world;
    @Autowired MatchingWorld matching;
    @Autowired ClosureWorld closing;
    @Autowired ClosureEvents events;
    @Autowired Closures closures;
    @Autowired Matchmaking matchmaking;
    @Autowired WorkItems workItems;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired JdbcClient db;
    @Autowired TestClock clock;
    @Autowired ContactLog contactLog;
    @Autowired SupportActions supportActions;

    @AfterEach
    void resetClock() {
        clock.reset();
        world.signOut();
    }

    @Test
    void an_ended_match_is_closed_evaluated_and_twelve_months_later_nothing_personal_of_the_family_is_left_anywhere() {
        Scene scene = matching.scene();
        Buddy anna = matching.certifiedBuddy(scene, buddy("anna").place("Utrecht"));
        Family family = Family.fresh();
        Case c = closing.activeCase(scene, anna, family, nl.steunpunt.buddy.matching.RequesterKind.PARENT, true, "nl");
        assertThat(matching.inPool(scene, anna).orElseThrow().openMatches()).isEqualTo(1);

        // During support the buddy logs a contact, plans a school meeting and raises a concern, all naming the family.
        String contactTopics = "Gebeld met " + family.name() + " over " + family.child();
        String meetingPurpose = "Gesprek over " + family.child() + " met de mentor";
        String concernText = family.name() + " maakt zich zorgen om " + family.child();
        world.as(anna.username(), () -> {
            contactLog.record(c.matchId(), new NewContact(LocalDate.now(clock), ContactKind.PHONE, 20, contactTopics, Set.of()));
            return null;
        });
        await().until(() -> supportActions.isRunning(c.matchId()));
        world.as(anna.username(), () -> {
            supportActions.planSchoolMeeting(c.matchId(), new MeetingPlan(LocalDate.now(clock).plusDays(10), LocalTime.of(9, 0),
                    LocalTime.of(10, 0), family.school(), meetingPurpose));
            supportActions.raiseConcern(c.matchId(), new NewConcern(concernText, ConcernUrgency.NORMAL));
            return null;
        });

        // Support ends: the closure starts once, and the ending match still holds the buddy's place.
        closing.end(c, ClosureReason.GOAL_REACHED);
        WorkItem conversation = closing.awaitTask(scene.coordinator(), c, ClosureProcess.TASK_CLOSING_CONVERSATION);
        assertThat(conversation.caseReference()).isEqualTo(c.reference());
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ClosureProcess.PROCESS_ID)
                .processInstanceBusinessKey(c.reference()).count()).isEqualTo(1);
        assertThat(runtimeService.getVariables(processOf(c))).containsEntry(ClosureProcess.Variables.MATCH_ID, c.matchId().toString())
                .containsEntry(ClosureProcess.Variables.HELP_REQUEST_ID, c.request().toString())
                .containsEntry(ClosureProcess.Variables.REGION_CODE, scene.region().value())
                .containsEntry(ClosureProcess.Variables.BUDDY_USER_ID, anna.username())
                .containsEntry(ClosureProcess.Variables.PARENT_EVALUATION_RECEIVED, false);
        assertThat(matching.inPool(scene, anna).orElseThrow().openMatches()).isEqualTo(1);
        String caseNote = "Notitie: " + family.child() + " heeft een nieuwe juf";
        world.as(scene.coordinator(), () -> {
            workItems.comment(conversation.id(), caseNote);
            return null;
        });

        // Closing conversation → the buddy's place is free again.
        int capacityBefore = events.capacity().size();
        String conversationNotes = "Afsluitend gesprek met " + family.name() + " en " + family.child();
        closing.closingConversation(c, conversationNotes);
        await().until(() -> matchmaking.matchFacts(c.matchId()).orElseThrow().status() == MatchStatus.CLOSED);
        assertThat(matching.inPool(scene, anna).orElseThrow().openMatches()).isZero();
        await().until(() -> events.capacity().stream().skip(capacityBefore).anyMatch(e -> e.regions().contains(scene.region())));

        // The parent gets her link; after three weeks a reminder with another link that expires with it.
        String firstToken = closing.awaitToken(c, MailTemplate.PARENT_EVALUATION_LINK);
        assertThat(db.sql("SELECT count(*) FROM parent_evaluation_link WHERE token_hash = ?").param(firstToken).query(Long.class).single())
                .as("only a hash of the token is stored").isZero();
        Job reminder = timer(c, ClosureProcess.EVENT_PARENT_REMINDER_DUE);
        assertThat(reminder.getDuedate().toInstant()).isCloseTo(Instant.now().plus(21, ChronoUnit.DAYS), within(1, ChronoUnit.HOURS));
        Job linkExpiry = timer(c, ClosureProcess.EVENT_EVALUATION_LINK_EXPIRES);
        assertThat(linkExpiry.getDuedate().toInstant()).isCloseTo(Instant.now().plus(42, ChronoUnit.DAYS), within(1, ChronoUnit.HOURS));
        clock.advance(Duration.ofDays(21));
        managementService.executeJob(reminder.getId());
        String reminderToken = closing.awaitToken(c, MailTemplate.PARENT_EVALUATION_REMINDER);
        assertThat(reminderToken).isNotEqualTo(firstToken);
        assertThat(closures.invitation(firstToken).state()).isEqualTo(EvaluationInvitation.State.VALID);
        assertThat(closures.invitation(reminderToken).state()).isEqualTo(EvaluationInvitation.State.VALID);

        // The parent answers through the first link, without an account; the link then works no more.
        world.signOut();
        assertThatThrownBy(() -> closures.submitParentEvaluation(firstToken, new ParentScores(4, 6, 3), null))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(key(e)).isEqualTo("error.closure.score"));
        assertThat(count("parent_evaluation", c)).isZero();
        String parentComment = "Fijn dat " + family.child() + " weer naar " + family.school() + " gaat";
        closures.submitParentEvaluation(firstToken, new ParentScores(4, 5, 3), parentComment);
        assertThat(closures.invitation(firstToken).state()).isEqualTo(EvaluationInvitation.State.USED);
        assertThat(closures.invitation(reminderToken).state()).isEqualTo(EvaluationInvitation.State.USED);
        assertThatThrownBy(() -> closures.submitParentEvaluation(reminderToken, new ParentScores(1, 1, 1), null))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(key(e)).isEqualTo("error.closure.link.used"));
        await().until(() -> historyService.createHistoricActivityInstanceQuery().processInstanceId(processOf(c))
                .activityId(ClosureProcess.TASK_AWAIT_PARENT_EVALUATION).finished().count() == 1);
        assertThat(runtimeService.getVariable(processOf(c), ClosureProcess.Variables.PARENT_EVALUATION_RECEIVED)).isEqualTo(true);

        // The buddy evaluates, the coordinator thanks her.
        WorkItem evaluation = closing.awaitTask(anna.username(), c, ClosureProcess.TASK_BUDDY_EVALUATION);
        String buddyComment = "Met " + family.name() + " ging het steeds beter";
        world.as(anna.username(), () -> {
            workItems.complete(evaluation.id(), Map.of(),
                    () -> closures.recordBuddyEvaluation(c.matchId(), new BuddyScores(4, 3, 5, 2, 4), buddyComment));
            return null;
        });
        WorkItem appreciation = closing.awaitTask(scene.coordinator(), c, ClosureProcess.TASK_APPRECIATION);
        world.as(scene.coordinator(), () -> {
            workItems.complete(appreciation.id(), Map.of(),
                    () -> closures.recordAppreciation(c.matchId(), true, true, new BigDecimal("12.50")));
            return null;
        });
        await().until(() -> runtimeService.getActiveActivityIds(processOf(c)).equals(List.of(ClosureProcess.EVENT_RETENTION_OVER)));

        List<String> personal = family.values(caseNote, conversationNotes, parentComment, buddyComment, contactTopics, meetingPurpose,
                concernText);
        assertThat(tablesHolding(family.child())).contains("public.contact_log", "public.school_meeting", "public.support_concern");
        assertThat(tablesHolding(family.name())).as("the scan finds what is there").contains("public.help_request", "public.mail_log");
        assertThat(tablesHolding(family.child())).contains("public.closing_conversation", "public.parent_evaluation", "public.case_note");

        // Twelve months after the closure the retention timer fires and the case is anonymised.
        Job retention = timer(c, ClosureProcess.EVENT_RETENTION_OVER);
        Instant started = historyService.createHistoricProcessInstanceQuery().processInstanceId(processOf(c)).singleResult()
                .getStartTime().toInstant();
        assertThat(retention.getDuedate().toInstant()).isCloseTo(started.atZone(AMSTERDAM).plusMonths(12).toInstant(), within(2, ChronoUnit.HOURS));
        clock.advance(Duration.ofDays(366));
        String instance = processOf(c);
        managementService.executeJob(retention.getId());
        await().until(() -> historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 1);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId(ClosureProcess.EVENT_CASE_ANONYMISED).count()).isEqualTo(1);

        List<String> found = new ArrayList<>();
        List<String> scanned = scannedTables();
        assertThat(scanned).contains("public.help_request", "public.mail_log", "public.case_note", "public.event_publication",
                "public.act_hi_varinst", "public.act_hi_detail", "public.act_hi_op_log", "public.act_ge_bytearray", "public.act_hi_comment",
                "public.closing_conversation", "public.parent_evaluation", "public.buddy_evaluation");
        for (String value : personal) {
            tablesHolding(value).forEach(table -> found.add(table + " still holds " + value));
        }
        assertThat(found).isEmpty();

        // What statistics need stays: the match with its reason, dates and region; the scores; the engine's timings.
        assertThat(db.sql("SELECT status, closure_reason, region_code, ended_at IS NOT NULL AND closed_at IS NOT NULL AND accepted_at IS NOT NULL "
                + "FROM buddy_match WHERE id = ?").param(c.matchId())
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4))).single())
                .containsExactly("CLOSED", "GOAL_REACHED", scene.region().value(), true);
        assertThat(db.sql("SELECT region_code, school_level, problem_areas, status FROM help_request WHERE id = ?").param(c.request().value())
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).single())
                .containsExactly(scene.region().value(), "PO", "THUISZITTER", "CLOSED");
        assertThat(db.sql("SELECT felt_heard, regained_control, school_cooperation FROM parent_evaluation WHERE match_id = ?")
                .param(c.matchId()).query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single()).containsExactly(4, 5, 3);
        assertThat(db.sql("SELECT prepared, supported, parent_contact, school_cooperation, parent_in_control FROM buddy_evaluation "
                + "WHERE match_id = ?").param(c.matchId())
                .query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5))).single())
                .containsExactly(4, 3, 5, 2, 4);
        assertThat(db.sql("SELECT outcome FROM closing_conversation WHERE match_id = ?").param(c.matchId()).query(String.class).single())
                .isEqualTo("WELL");
        assertThat(db.sql("SELECT expenses FROM buddy_appreciation WHERE match_id = ?").param(c.matchId()).query(BigDecimal.class)
                .single()).isEqualByComparingTo("12.50");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).finished().count()).isGreaterThan(10);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName(ClosureProcess.Variables.REGION_CODE).singleResult().getValue()).isEqualTo(scene.region().value());
    }

    @Test
    void an_evaluation_link_nobody_uses_expires_after_six_weeks_and_then_stores_nothing() {
        Scene scene = matching.scene();
        Buddy bo = matching.certifiedBuddy(scene, buddy("bo").place("Utrecht"));
        Case c = closing.activeCase(scene, bo);
        String token = closing.closedWithLink(c);
        assertThat(closures.invitation(token).state()).isEqualTo(EvaluationInvitation.State.VALID);

        managementService.executeJob(timer(c, ClosureProcess.EVENT_EVALUATION_LINK_EXPIRES).getId());
        await().until(() -> closures.invitation(token).state() == EvaluationInvitation.State.EXPIRED);
        await().until(() -> historyService.createHistoricActivityInstanceQuery().processInstanceId(processOf(c))
                .activityId(ClosureProcess.TASK_EXPIRE_EVALUATION_LINK).finished().count() == 1);
        assertThat(managementService.createJobQuery().processInstanceId(processOf(c)).timers()
                .activityId(ClosureProcess.EVENT_PARENT_REMINDER_DUE).count()).as("no reminder after the link expired").isZero();

        world.signOut();
        assertThatThrownBy(() -> closures.submitParentEvaluation(token, new ParentScores(5, 5, 5), "Te laat"))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(key(e)).isEqualTo("error.closure.link.expired"));
        assertThat(count("parent_evaluation", c)).isZero();
        assertThat(runtimeService.getVariable(processOf(c), ClosureProcess.Variables.PARENT_EVALUATION_RECEIVED)).isEqualTo(false);
        assertThat(closing.awaitTask(bo.username(), c, ClosureProcess.TASK_BUDDY_EVALUATION)).isNotNull();
    }

    @Test
    void the_retention_period_is_a_setting_per_region() {
        ProcessInstance longer = startClosure("CL-LONG");
        ProcessInstance usual = startClosure("CL-USUAL");
        try {
            Instant longerStart = startOf(longer);
            Instant usualStart = startOf(usual);
            assertThat(retentionDue(longer)).isCloseTo(longerStart.atZone(AMSTERDAM).plusMonths(24).toInstant(), within(2, ChronoUnit.HOURS));
            assertThat(retentionDue(usual)).isCloseTo(usualStart.atZone(AMSTERDAM).plusMonths(12).toInstant(), within(2, ChronoUnit.HOURS));
        } finally {
            runtimeService.deleteProcessInstance(longer.getId(), "test");
            runtimeService.deleteProcessInstance(usual.getId(), "test");
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private ProcessInstance startClosure(String region) {
        return runtimeService.startProcessInstanceByKey(ClosureProcess.PROCESS_ID, "CL-" + UUID.randomUUID(), Map.of(
                ClosureProcess.Variables.MATCH_ID, UUID.randomUUID().toString(),
                ClosureProcess.Variables.HELP_REQUEST_ID, UUID.randomUUID().toString(),
                ClosureProcess.Variables.REGION_CODE, region,
                ClosureProcess.Variables.BUDDY_USER_ID, "nobody"));
    }

    private Instant startOf(ProcessInstance instance) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getStartTime()
                .toInstant();
    }

    private Instant retentionDue(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(ClosureProcess.EVENT_RETENTION_OVER).singleResult().getDuedate().toInstant();
    }

    private String processOf(Case c) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ClosureProcess.PROCESS_ID)
                .processInstanceBusinessKey(c.reference()).singleResult().getId();
    }

    private Job timer(Case c, String activityId) {
        return await().until(() -> managementService.createJobQuery().processInstanceId(processOf(c)).timers().activityId(activityId)
                .singleResult(), job -> job != null);
    }

    private long count(String table, Case c) {
        return db.sql("SELECT count(*) FROM " + table + " WHERE match_id = ?").param(c.matchId()).query(Long.class).single();
    }

    private record Column(String schema, String table, String column, String type) {
        String qualifiedTable() {
            return schema + "." + table;
        }
    }

    /** Every text, character, JSON and binary column of every table of every schema the application uses. */
    private List<Column> columns() {
        return db.sql("SELECT c.table_schema, c.table_name, c.column_name, c.data_type FROM information_schema.columns c "
                + "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
                + "WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema') "
                + "AND c.table_schema NOT LIKE 'pg_toast%' "
                + "AND c.data_type IN ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb', 'xml') "
                + "ORDER BY 1, 2, 3")
                .query((rs, n) -> new Column(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    private List<String> scannedTables() {
        return columns().stream().map(Column::qualifiedTable).distinct().toList();
    }

    /** The tables in which some column holds this value (text case-insensitively; bytes as its UTF-8 encoding). */
    private List<String> tablesHolding(String value) {
        List<String> tables = new ArrayList<>();
        for (Column column : columns()) {
            String name = "\"" + column.schema() + "\".\"" + column.table() + "\"";
            String col = "\"" + column.column() + "\"";
            String condition = column.type().equals("bytea") ? "position(convert_to(?, 'UTF8') in " + col + ") > 0"
                    : "strpos(lower(" + col + "::text), lower(?)) > 0";
            long hits = db.sql("SELECT count(*) FROM " + name + " WHERE " + condition).param(value).query(Long.class).single();
            if (hits > 0 && !tables.contains(column.qualifiedTable())) {
                tables.add(column.qualifiedTable());
            }
        }
        return tables;
    }

    private static String key(Throwable e) {
        return ((TranslatableException) e).messageKey();
    }
}
