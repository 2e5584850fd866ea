package nl.steunpunt.buddy.matching;

/** How soon support is needed, as the requester (and later the coordinator) judges it. */
public enum Urgency {
    NORMAL, HIGH, URGENT
}
