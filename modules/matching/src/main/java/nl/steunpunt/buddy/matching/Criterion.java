package nl.steunpunt.buddy.matching;

/** The weighted criteria of a match. */
public enum Criterion {
    PROBLEM_AREAS, SCHOOL_LEVEL, LANGUAGE, DISTANCE, AVAILABILITY
}
