package nl.steunpunt.buddy.matching;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.shared.CaseAnonymiser;

/**
 * Anonymises a help request and its matches: the requester's name and contact details, school,
 * place, question and every free text about the family (intake, withdrawal, first contact,
 * introduction, closure, a coordinator's override reason and a buddy's decline reason). Region,
 * kind, level, problem areas, language, urgency, dates, statuses and scores stay for statistics.
 */
@Component
@Transactional
class MatchingCaseAnonymiser implements CaseAnonymiser {

    static final String ANONYMISED = "—";

    private final JdbcClient db;

    MatchingCaseAnonymiser(JdbcClient db) {
        this.db = db;
    }

    @Override
    public void anonymiseCase(UUID helpRequestId, UUID matchId) {
        if (helpRequestId != null) {
            db.sql("UPDATE help_request SET contact_name = ?, email = NULL, phone = NULL, school = NULL, place = NULL, question = ?, "
                    + "intake_note = NULL, withdrawal_reason = NULL, version = version + 1 WHERE id = ?")
                    .params(ANONYMISED, ANONYMISED, helpRequestId).update();
            db.sql("UPDATE match_proposal SET override_reason = NULL, decline_reason = NULL WHERE request_id = ?").param(helpRequestId)
                    .update();
            db.sql("UPDATE buddy_match SET first_contact_note = NULL, introduction_note = NULL, closure_note = NULL WHERE request_id = ?")
                    .param(helpRequestId).update();
        }
        if (matchId != null) {
            db.sql("UPDATE buddy_match SET first_contact_note = NULL, introduction_note = NULL, closure_note = NULL WHERE id = ?")
                    .param(matchId).update();
        }
    }
}
