package nl.steunpunt.buddy.matching;

/**
 * What one criterion adds to a score.
 *
 * @param fit    how well the buddy fits on this criterion, 0 to 1
 * @param points the whole points it adds: the weight times the fit, rounded
 */
public record Contribution(Criterion criterion, double fit, int points) {
}
