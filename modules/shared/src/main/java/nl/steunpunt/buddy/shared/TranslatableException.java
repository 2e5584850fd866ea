package nl.steunpunt.buddy.shared;

import java.util.List;

/**
 * A failure the user can act on. It carries an i18n message key and arguments instead of a
 * hard-coded sentence, so every screen can show it in the user's language.
 */
public abstract class TranslatableException extends RuntimeException {

    private final String messageKey;
    private final transient List<Object> arguments;

    protected TranslatableException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
