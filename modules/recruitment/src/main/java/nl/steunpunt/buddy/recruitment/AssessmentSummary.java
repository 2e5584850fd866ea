package nl.steunpunt.buddy.recruitment;

/** What the selection advice needs of an assessment: counts only. */
public record AssessmentSummary(int insufficientCount, int doubtCount) {
}
