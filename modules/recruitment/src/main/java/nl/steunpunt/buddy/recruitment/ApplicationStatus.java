package nl.steunpunt.buddy.recruitment;

/** Where an application stands in werving en selectie. */
public enum ApplicationStatus {
    /** Submitted; a coordinator screens it. */
    SCREENING,
    /** Found suitable; the intake interview is to be planned. */
    INTAKE_PLANNING,
    /** Intake interview planned; to be held. */
    INTAKE,
    /** Intake held; competences to be assessed. */
    ASSESSMENT,
    /** Assessed; waiting for the selection decision. */
    DECISION,
    /** Decision postponed for a while. */
    ON_HOLD,
    /** Selected; waiting for the VOG (certificate of conduct). */
    VOG_PENDING,
    /** Selected with a valid VOG and enrolled in training. */
    SELECTED,
    /** Not selected (at screening, at the decision or for lack of a valid VOG). */
    NOT_SELECTED,
    /** The applicant withdrew. */
    WITHDRAWN;

    public boolean isClosed() {
        return this == SELECTED || this == NOT_SELECTED || this == WITHDRAWN;
    }
}
