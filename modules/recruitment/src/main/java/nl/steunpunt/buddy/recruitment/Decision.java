package nl.steunpunt.buddy.recruitment;

/** The outcome of the selection decision. */
public enum Decision {
    SELECTED, NOT_SELECTED, ON_HOLD
}
