package nl.steunpunt.buddy.recruitment;

/** Where an application stands in werving en selectie. */
public enum ApplicationStatus {
    /** Submitted; a coordinator screens it. */
    SCREENING,
    /** Found suitable; the intake interview is to be held. */
    INTAKE,
    /** Intake held; waiting for the selection decision. */
    DECISION,
    /** Decision postponed for a while. */
    ON_HOLD,
    /** Selected; continues with VOG and training. */
    SELECTED,
    /** Not selected (at screening or at the decision). */
    NOT_SELECTED;

    public boolean isClosed() {
        return this == SELECTED || this == NOT_SELECTED;
    }
}
