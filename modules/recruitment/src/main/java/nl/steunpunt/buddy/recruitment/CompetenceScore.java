package nl.steunpunt.buddy.recruitment;

/**
 * The assessment of one competence.
 *
 * @param score 1 insufficient, 2 doubt, 3 sufficient, 4 good
 */
public record CompetenceScore(Competence competence, int score, String remark) {

    public static final int INSUFFICIENT = 1;
    public static final int DOUBT = 2;
    public static final int MAX = 4;
}
