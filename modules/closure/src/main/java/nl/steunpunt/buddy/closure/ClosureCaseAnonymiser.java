package nl.steunpunt.buddy.closure;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.shared.CaseAnonymiser;

/** Removes the free texts of a closure (they may name the family); scores, outcomes and dates stay. */
@Component
@Transactional
class ClosureCaseAnonymiser implements CaseAnonymiser {

    private final JdbcClient db;

    ClosureCaseAnonymiser(JdbcClient db) {
        this.db = db;
    }

    @Override
    public void anonymiseCase(UUID helpRequestId, UUID matchId) {
        if (matchId == null) {
            return;
        }
        db.sql("UPDATE closing_conversation SET notes = NULL WHERE match_id = ?").param(matchId).update();
        db.sql("UPDATE parent_evaluation SET comment = NULL WHERE match_id = ?").param(matchId).update();
        db.sql("UPDATE buddy_evaluation SET comment = NULL WHERE match_id = ?").param(matchId).update();
    }
}
