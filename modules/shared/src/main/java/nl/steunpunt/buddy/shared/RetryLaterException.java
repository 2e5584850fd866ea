package nl.steunpunt.buddy.shared;

/**
 * An event listener could not act yet (for example, the process is still busy with an earlier
 * asynchronous step). The event stays in the publication registry and is delivered again later;
 * this is expected and logged quietly.
 */
public class RetryLaterException extends RuntimeException {

    public RetryLaterException(String message) {
        super(message);
    }
}
