package nl.steunpunt.buddy.ui.http;

/** The server answered a simulated user with something a browser would show as an error (or could not understand). */
public class VaadinProtocolException extends RuntimeException {

    public VaadinProtocolException(String message) {
        super(message);
    }
}
