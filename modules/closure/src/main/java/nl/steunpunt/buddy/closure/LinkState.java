package nl.steunpunt.buddy.closure;

/** Where the parent's evaluation link stands. */
public enum LinkState {
    /** No link was made yet (the closing conversation comes first). */
    NONE,
    /** A link works until it expires. */
    OPEN,
    /** The parent used it: the evaluation is in. */
    USED,
    /** It expired without an evaluation. */
    EXPIRED
}
