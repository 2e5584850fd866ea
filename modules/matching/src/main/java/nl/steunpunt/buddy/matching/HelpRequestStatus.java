package nl.steunpunt.buddy.matching;

/** Where a help request stands. */
public enum HelpRequestStatus {
    /** Received; the coordinator's intake is next. */
    INTAKE,
    /** Looking for a buddy. */
    SEARCHING,
    /** No suitable buddy free: on the waiting list. */
    WAITING,
    /** A buddy has been asked and has not answered yet. */
    PROPOSED,
    /** A buddy accepted: first contact and introduction. */
    MATCHED,
    /** The match is active. */
    ACTIVE,
    WITHDRAWN,
    /** The match ended (support over, closure under way or done). */
    CLOSED;

    public boolean isOpen() {
        return this != ACTIVE && this != WITHDRAWN && this != CLOSED;
    }
}
