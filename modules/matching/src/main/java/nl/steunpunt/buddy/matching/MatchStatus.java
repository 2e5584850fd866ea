package nl.steunpunt.buddy.matching;

/** A match between a buddy and a help request. */
public enum MatchStatus {
    /** Accepted: first contact and introduction still to come. */
    STARTING,
    ACTIVE,
    CANCELLED,
    CLOSED
}
