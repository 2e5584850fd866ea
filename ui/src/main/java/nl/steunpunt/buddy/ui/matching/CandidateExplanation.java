package nl.steunpunt.buddy.ui.matching;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import nl.steunpunt.buddy.matching.Contribution;
import nl.steunpunt.buddy.matching.MatchingWeights;

/**
 * Why a buddy scores what she scores: one line per criterion with the points it adds out of its
 * weight, and a bar; the lines add up to the score shown on top.
 */
public class CandidateExplanation extends Composite<VerticalLayout> {

    /**
     * @param weights the weights the score was computed with; {@code null} for a recorded score whose
     *                weights may since have changed (then each line shows points and fit only)
     */
    public CandidateExplanation(int score, List<Contribution> contributions, MatchingWeights weights) {
        VerticalLayout root = getContent();
        root.setPadding(false);
        root.setSpacing(false);
        root.addClassName("candidate-explanation");
        Span total = new Span(weights == null ? getTranslation("candidates.score.recorded", score)
                : getTranslation("candidates.score", score, weights.maximum()));
        total.getStyle().set("font-weight", "bold");
        root.add(total);
        for (Contribution c : contributions) {
            String fit = String.format(Locale.ROOT, "%.0f", c.fit() * 100);
            String criterion = getTranslation("criterion." + c.criterion().name());
            Span line = new Span(weights == null ? getTranslation("candidates.contribution.recorded", criterion, c.points(), fit)
                    : getTranslation("candidates.contribution", criterion, c.points(), weights.weight(c.criterion()), fit));
            line.addClassName("contribution-" + c.criterion().name());
            Div bar = new Div();
            bar.getStyle().set("height", "4px").set("background", "var(--lumo-contrast-10pct)").set("width", "12em");
            Div fill = new Div();
            fill.getStyle().set("height", "4px").set("background", "var(--lumo-primary-color)")
                    .set("width", Math.round(c.fit() * 100) + "%");
            bar.add(fill);
            root.add(line, bar);
        }
    }
}
