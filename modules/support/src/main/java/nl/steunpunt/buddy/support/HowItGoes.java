package nl.steunpunt.buddy.support;

/** The coordinator's impression of a match at a check-in. */
public enum HowItGoes {
    WELL,
    FAIR,
    DIFFICULT
}
