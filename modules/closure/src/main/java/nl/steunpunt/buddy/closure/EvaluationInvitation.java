package nl.steunpunt.buddy.closure;

import java.util.Locale;

import nl.steunpunt.buddy.matching.RequesterKind;

/**
 * What the public evaluation page may show for a token: whether it can be used, and whether it
 * speaks to a parent or a young person, in the request's language. Nothing else of the case.
 */
public record EvaluationInvitation(State state, RequesterKind kind, Locale locale) {

    /** Whether the link can be used. */
    public enum State {
        VALID,
        USED,
        EXPIRED,
        UNKNOWN
    }

    public boolean isValid() {
        return state == State.VALID;
    }
}
