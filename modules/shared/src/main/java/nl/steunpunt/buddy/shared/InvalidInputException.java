package nl.steunpunt.buddy.shared;

/** Input that breaks a rule; nothing was changed. */
public class InvalidInputException extends TranslatableException {

    public InvalidInputException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
