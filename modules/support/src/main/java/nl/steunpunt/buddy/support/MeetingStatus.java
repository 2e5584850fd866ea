package nl.steunpunt.buddy.support;

/** Where a school meeting stands: planned (possibly moved), cancelled, or held. */
public enum MeetingStatus {
    PLANNED,
    CANCELLED,
    HELD
}
