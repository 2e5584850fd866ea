package nl.steunpunt.buddy.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import nl.steunpunt.buddy.processes.ClosureProcess;
import nl.steunpunt.buddy.ui.ApplicationTest;

/**
 * The closure's anonymisation finds a case's processes in the engine's history by their request and match IDs
 * through the app's own partial index (issue #10, P6), made once the engine has its tables.
 */
class HistoryIndexesTest extends ApplicationTest {

    @Autowired JdbcClient db;
    @Autowired TransactionTemplate transactions;

    @Test
    void the_engine_history_has_the_case_id_index_and_the_anonymisation_look_up_uses_it() {
        String definition = db.sql("SELECT indexdef FROM pg_indexes WHERE tablename = 'act_hi_varinst' AND indexname = ?")
                .param(HistoryIndexes.CASE_ID_INDEX).query(String.class).single();
        assertThat(definition).contains("(text_, proc_inst_id_)").contains("helpRequestId").contains("matchId");

        // an aged history in a transaction that is rolled back: 30,000 variables, a third of each of the two names
        List<String> plan = transactions.execute(tx -> {
            db.sql("""
                    INSERT INTO act_hi_varinst (id_, proc_def_key_, proc_inst_id_, execution_id_, name_, var_type_, create_time_, rev_,
                    text_, state_) SELECT 'aged-v' || g, 'HistoryIndexesTest', 'aged-' || (g / 3), 'aged-' || (g / 3),
                    (ARRAY['helpRequestId', 'matchId', 'regionCode'])[1 + g % 3], 'string', now(), 1, md5(g::text), 'CREATED'
                    FROM generate_series(1, 30000) g""").update();
            db.sql("ANALYZE act_hi_varinst").update();
            List<String> lines = db.sql("EXPLAIN " + CaseAnonymisation.CASE_INSTANCES_SQL)
                    .param("values", List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString())).query(String.class).list();
            tx.setRollbackOnly();
            return lines;
        });
        assertThat(String.join("\n", plan)).contains(HistoryIndexes.CASE_ID_INDEX);
    }

    @org.junit.jupiter.api.AfterEach
    void removeRows() {
        db.sql("DELETE FROM act_hi_varinst WHERE proc_def_key_ = 'HistoryIndexesTest'").update();
    }

    @Test
    void the_look_up_finds_the_process_that_had_the_id_and_no_other() {
        String helpRequest = UUID.randomUUID().toString();
        String match = UUID.randomUUID().toString();
        insertVariable("hx-1", ClosureProcess.Variables.HELP_REQUEST_ID, helpRequest);
        insertVariable("hx-2", ClosureProcess.Variables.MATCH_ID, match);
        insertVariable("hx-3", "note", helpRequest); // the same text under another name is not a case ID

        assertThat(db.sql(CaseAnonymisation.CASE_INSTANCES_SQL).param("values", List.of(helpRequest, match)).query(String.class).list())
                .containsExactlyInAnyOrder("hx-1", "hx-2");
    }

    private void insertVariable(String processInstance, String name, String value) {
        db.sql("""
                INSERT INTO act_hi_varinst (id_, proc_def_key_, proc_inst_id_, execution_id_, name_, var_type_, create_time_, rev_, text_, state_)
                VALUES (?, 'HistoryIndexesTest', ?, ?, ?, 'string', now(), 1, ?, 'CREATED')""")
                .params(UUID.randomUUID().toString(), processInstance, processInstance, name, value).update();
    }
}
