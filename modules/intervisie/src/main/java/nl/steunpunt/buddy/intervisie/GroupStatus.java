package nl.steunpunt.buddy.intervisie;

/** A group meets while active; a closed group plans nothing more. */
public enum GroupStatus {
    ACTIVE,
    CLOSED
}
