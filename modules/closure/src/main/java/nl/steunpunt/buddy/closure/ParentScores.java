package nl.steunpunt.buddy.closure;

/**
 * The parent's (or young person's) answers, each 1–5: felt heard, regained control (regie), and
 * whether cooperation with the school improved. {@code null} means not answered.
 */
public record ParentScores(Integer feltHeard, Integer regainedControl, Integer schoolCooperation) {
}
