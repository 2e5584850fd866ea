package nl.steunpunt.buddy.closure;

/** How the closing conversation went. */
public enum ConversationOutcome {
    WELL,
    MIXED,
    DIFFICULT,
    NOT_HELD
}
