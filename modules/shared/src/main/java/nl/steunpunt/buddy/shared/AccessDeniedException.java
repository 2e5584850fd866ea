package nl.steunpunt.buddy.shared;

/** The acting user may not see or do this (wrong role or another region). */
public class AccessDeniedException extends TranslatableException {

    public AccessDeniedException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
