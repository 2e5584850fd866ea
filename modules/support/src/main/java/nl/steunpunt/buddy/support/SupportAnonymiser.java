package nl.steunpunt.buddy.support;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.shared.CaseAnonymiser;

/**
 * Anonymises a closed case's support records: the free texts of its school meetings, concerns,
 * check-ins and reviews, and the topics of its contact log, are replaced; dates, kinds, minutes,
 * statuses, urgencies and signal themes stay for the statistics. Idempotent.
 */
@Component
@Transactional
class SupportAnonymiser implements CaseAnonymiser {

    static final String REPLACED = "[geanonimiseerd]";

    private final JdbcClient db;

    SupportAnonymiser(JdbcClient db) {
        this.db = db;
    }

    @Override
    public void anonymiseCase(UUID helpRequestId, UUID matchId) {
        if (matchId == null) {
            return;
        }
        db.sql("UPDATE school_meeting SET school = :r, purpose = CASE WHEN purpose IS NULL THEN NULL ELSE :r END, "
                + "preparation_note = CASE WHEN preparation_note IS NULL THEN NULL ELSE :r END, "
                + "follow_up_note = CASE WHEN follow_up_note IS NULL THEN NULL ELSE :r END WHERE match_id = :m")
                .param("r", REPLACED).param("m", matchId).update();
        db.sql("UPDATE support_concern SET text = :r, outcome = CASE WHEN outcome IS NULL THEN NULL ELSE :r END, "
                + "action = CASE WHEN action IS NULL THEN NULL ELSE :r END WHERE match_id = :m")
                .param("r", REPLACED).param("m", matchId).update();
        db.sql("UPDATE support_check_in SET notes = CASE WHEN notes IS NULL THEN NULL ELSE :r END, "
                + "follow_up = CASE WHEN follow_up IS NULL THEN NULL ELSE :r END WHERE match_id = :m")
                .param("r", REPLACED).param("m", matchId).update();
        db.sql("UPDATE support_review SET reason = CASE WHEN reason IS NULL THEN NULL ELSE :r END WHERE match_id = :m")
                .param("r", REPLACED).param("m", matchId).update();
        db.sql("UPDATE contact_log SET topics = CASE WHEN topics IS NULL THEN NULL ELSE :r END WHERE match_id = :m")
                .param("r", REPLACED).param("m", matchId).update();
    }
}
