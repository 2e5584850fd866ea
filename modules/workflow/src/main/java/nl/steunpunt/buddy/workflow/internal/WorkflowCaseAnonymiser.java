package nl.steunpunt.buddy.workflow.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.matching.HelpRequestId;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.HelpRequests.RequesterContact;
import nl.steunpunt.buddy.matching.MatchFacts;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.notification.Mailer;
import nl.steunpunt.buddy.shared.CaseAnonymiser;

/**
 * The workflow's share of a case's personal data: the notes written on its tasks, and the mails it
 * sent to the requester (the outbox keeps that they were sent, not to whom or what they said).
 */
@Component
class WorkflowCaseAnonymiser implements CaseAnonymiser {

    private final JdbcClient db;
    private final HelpRequests requests;
    private final Matchmaking matchmaking;
    private final Mailer mailer;

    WorkflowCaseAnonymiser(JdbcClient db, HelpRequests requests, Matchmaking matchmaking, Mailer mailer) {
        this.db = db;
        this.requests = requests;
        this.matchmaking = matchmaking;
        this.mailer = mailer;
    }

    @Override
    public void anonymiseCase(UUID helpRequestId, UUID matchId) {
        Optional<String> reference = Optional.ofNullable(helpRequestId)
                .flatMap(id -> requests.contact(new HelpRequestId(id))).map(RequesterContact::reference)
                .or(() -> Optional.ofNullable(matchId).flatMap(matchmaking::matchFacts).map(MatchFacts::reference));
        reference.ifPresent(ref -> {
            db.sql("UPDATE case_note SET text = ? WHERE case_reference = ?").params("—", ref).update();
            mailer.anonymiseRequesterMails(ref);
        });
    }
}
