package nl.steunpunt.buddy.support;

/** How soon the buddy thinks her concern needs the coordinator. */
public enum ConcernUrgency {
    NORMAL,
    URGENT
}
