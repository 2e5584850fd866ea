package nl.steunpunt.buddy.workflow.internal;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.processes.ClosureProcess;

/**
 * An index on the engine's history for the app's own look-up there, which the engine's schema lacks:
 * the closure's anonymisation finds every process of a case by its request and match IDs in
 * {@code act_hi_varinst}; the engine indexes that table by name only, so on an aged database (1.4 M
 * variable rows at 10 M history rows, a quarter of them one of those two names) each look-up read
 * hundreds of thousands of rows (issue #10, P6). The index is partial, on those two names only: their
 * values are UUIDs, while other variables may hold texts too long for a B-tree entry.
 *
 * <p>Flyway runs before the engine creates its tables, so the index is made here, once the engine is built
 * (and with it its schema); {@code IF NOT EXISTS} makes later starts and a second node a no-op.
 */
@Component
class HistoryIndexes extends AbstractProcessEnginePlugin {

    static final String CASE_ID_INDEX = "buddy_hi_varinst_case_ids";
    /** The two variable names the index covers, as an SQL list; {@link CaseAnonymisation} queries with the same. */
    static final String CASE_ID_NAMES = "('" + ClosureProcess.Variables.HELP_REQUEST_ID + "', '" + ClosureProcess.Variables.MATCH_ID + "')";

    private static final Logger log = LoggerFactory.getLogger(HistoryIndexes.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        JdbcTemplate db = new JdbcTemplate(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource());
        try {
            db.execute("CREATE INDEX IF NOT EXISTS " + CASE_ID_INDEX + " ON act_hi_varinst (text_, proc_inst_id_) WHERE name_ IN "
                    + CASE_ID_NAMES);
        } catch (DataAccessException e) {
            // another node creating it at the same moment; the look-up works without it, only slower
            log.warn("Could not create the history index {}: {}", CASE_ID_INDEX, e.getMostSpecificCause().toString());
        }
    }
}
