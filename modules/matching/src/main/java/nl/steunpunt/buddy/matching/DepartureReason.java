package nl.steunpunt.buddy.matching;

/** Why a buddy stops. */
public enum DepartureReason {
    NO_TIME,
    PERSONAL,
    MOVED,
    OTHER_WORK,
    NOT_SUITABLE,
    OTHER
}
