package nl.steunpunt.buddy.matching;

/** Why a match ended (DOMAIN.md, closure). */
public enum ClosureReason {
    GOAL_REACHED,
    PARENT_STOPS,
    BUDDY_STOPS,
    REFERRED,
    NO_CONTACT
}
