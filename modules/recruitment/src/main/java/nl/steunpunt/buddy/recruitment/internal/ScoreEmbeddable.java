package nl.steunpunt.buddy.recruitment.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import nl.steunpunt.buddy.recruitment.Competence;

/** One competence score of an application's assessment. */
@Embeddable
public class ScoreEmbeddable {

    @Enumerated(EnumType.STRING)
    @Column(name = "competence", length = 40, nullable = false)
    private Competence competence;

    @Column(name = "score", nullable = false)
    private short score;

    @Column(name = "remark", length = 1000)
    private String remark;

    protected ScoreEmbeddable() {
    }

    public ScoreEmbeddable(Competence competence, int score, String remark) {
        this.competence = competence;
        this.score = (short) score;
        this.remark = remark;
    }

    public Competence competence() { return competence; }
    public int score() { return score; }
    public String remark() { return remark; }
}
