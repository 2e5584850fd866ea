package nl.steunpunt.buddy.processes;

/** IDs of {@code SelectionAdvice.dmn}: the advice after the suitability assessment. */
public final class SelectionAdvice {

    public static final String DECISION_ID = "SelectionAdvice";

    /** Inputs. */
    public static final String INSUFFICIENT_COUNT = "insufficientCount";
    public static final String DOUBT_COUNT = "doubtCount";

    /** Outputs. */
    public static final String OUTPUT_DECISION = "decision";
    public static final String OUTPUT_REASON = "reason";

    private SelectionAdvice() {
    }
}
