package nl.steunpunt.buddy.support;

/** A concern as the buddy raises it. */
public record NewConcern(String text, ConcernUrgency urgency) {
}
