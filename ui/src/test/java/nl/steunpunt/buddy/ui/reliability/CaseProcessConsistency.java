package nl.steunpunt.buddy.ui.reliability;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Module data against process state: every case (a help request, a buddy application) has its process,
 * running or ended, and every process instance has its case. Reusable by any test that works on a database
 * of the application (after a crash, an outage, a restore).
 */
public final class CaseProcessConsistency {

    /** A module's case table, its reference column and the process whose business key is that reference. */
    public record CaseKind(String table, String reference, String processKey) {
    }

    public static final List<CaseKind> KINDS = List.of(new CaseKind("help_request", "reference", "MatchingProcess"),
            new CaseKind("buddy_application", "reference", "RecruitmentProcess"));

    private CaseProcessConsistency() {
    }

    /** Every inconsistency as a sentence; empty when module data and process state agree. */
    public static List<String> violations(JdbcClient db) {
        List<String> found = new ArrayList<>();
        for (CaseKind kind : KINDS) {
            db.sql("SELECT c." + kind.reference() + " FROM " + kind.table() + " c WHERE NOT EXISTS (SELECT 1 FROM act_hi_procinst p"
                    + " WHERE p.proc_def_key_ = ? AND p.business_key_ = c." + kind.reference() + ")")
                    .param(kind.processKey()).query(String.class).list()
                    .forEach(reference -> found.add(kind.table() + " " + reference + " has no " + kind.processKey()));
            db.sql("SELECT p.business_key_ FROM act_hi_procinst p WHERE p.proc_def_key_ = ? AND NOT EXISTS (SELECT 1 FROM "
                    + kind.table() + " c WHERE c." + kind.reference() + " = p.business_key_)")
                    .param(kind.processKey()).query(String.class).list()
                    .forEach(key -> found.add(kind.processKey() + " " + key + " has no " + kind.table()));
        }
        return found;
    }
}
