package nl.steunpunt.buddy.support;

/** How the buddy was in touch with the parent or young person. */
public enum ContactKind {
    PHONE,
    MESSAGE,
    VISIT,
    SCHOOL_MEETING
}
