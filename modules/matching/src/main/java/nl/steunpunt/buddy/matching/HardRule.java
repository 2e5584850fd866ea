package nl.steunpunt.buddy.matching;

/** The rules that exclude a buddy from a request, whatever her score. */
public enum HardRule {
    NOT_CERTIFIED, VOG_NOT_VALID, OTHER_REGION, NO_CAPACITY, CONFLICT_OF_INTEREST, DECLINED_BEFORE
}
