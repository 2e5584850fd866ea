package nl.steunpunt.buddy.matching;

/** A match between a buddy and a help request. */
public enum MatchStatus {
    /** Accepted: first contact and introduction still to come. */
    STARTING,
    ACTIVE,
    /** Support is over (reason recorded); the closure is under way and the buddy's place stays taken until it is restored. */
    ENDING,
    CANCELLED,
    CLOSED
}
