package nl.steunpunt.buddy.shared;

/** The record asked for does not exist (any more). */
public class NotFoundException extends TranslatableException {

    public NotFoundException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
