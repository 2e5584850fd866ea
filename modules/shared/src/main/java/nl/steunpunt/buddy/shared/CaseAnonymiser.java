package nl.steunpunt.buddy.shared;

import java.util.UUID;

/**
 * Implemented by every module that keeps personal data of a parent or child of a case (help request
 * and its match): when the retention period after closure is over, the closure's anonymisation calls
 * every implementation. Each one replaces or removes the personal fields (names, contact details,
 * free texts) of that case in its own tables and keeps what anonymised statistics need (dates,
 * codes, scores, counts). Must be idempotent: the job may run twice.
 */
public interface CaseAnonymiser {

    /** Anonymises the case of this help request and its match (the match may be absent). */
    void anonymiseCase(UUID helpRequestId, UUID matchId);
}
