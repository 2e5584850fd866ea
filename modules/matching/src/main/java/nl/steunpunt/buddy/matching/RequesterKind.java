package nl.steunpunt.buddy.matching;

/** Who asks for support: a parent (or carer) or the young person. */
public enum RequesterKind {
    PARENT, YOUTH
}
