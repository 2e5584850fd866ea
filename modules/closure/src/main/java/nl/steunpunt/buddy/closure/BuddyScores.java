package nl.steunpunt.buddy.closure;

/**
 * The buddy's answers, each 1–5: prepared by the training, supported by coordinator and intervisie,
 * contact with the parent, cooperation with the school, and how well the parent kept control (regie).
 * {@code null} means not answered.
 */
public record BuddyScores(Integer prepared, Integer supported, Integer parentContact, Integer schoolCooperation,
        Integer parentInControl) {
}
