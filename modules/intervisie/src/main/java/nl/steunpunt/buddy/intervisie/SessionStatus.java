package nl.steunpunt.buddy.intervisie;

/** A session is planned (perhaps moved), then held (attendance recorded) or cancelled. */
public enum SessionStatus {
    PLANNED,
    HELD,
    CANCELLED
}
