package nl.steunpunt.buddy.training;

/** A trainer's judgement of one competence: met or not yet met, with a remark. */
public record Judgement(String competenceCode, boolean met, String remark) {
}
