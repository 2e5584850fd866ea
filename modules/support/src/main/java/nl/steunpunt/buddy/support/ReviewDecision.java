package nl.steunpunt.buddy.support;

/** The outcome of a review: support goes on for another period, or the match closes. */
public enum ReviewDecision {
    EXTEND,
    CLOSE
}
