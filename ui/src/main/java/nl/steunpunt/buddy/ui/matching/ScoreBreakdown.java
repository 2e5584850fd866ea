package nl.steunpunt.buddy.ui.matching;

import java.util.List;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;

import nl.steunpunt.buddy.matching.Contribution;
import nl.steunpunt.buddy.matching.MatchingWeights;

/**
 * Why a buddy scores what she scores: per criterion the points she earns out of its weight, as
 * text and as a thin bar. The points add up to the score, so the sum is visible at a glance.
 */
class ScoreBreakdown extends Composite<Div> {

    ScoreBreakdown(List<Contribution> contributions, MatchingWeights weights) {
        Div root = getContent();
        root.getStyle().set("font-size", "var(--lumo-font-size-s)").set("min-width", "14em");
        for (Contribution c : contributions) {
            int weight = weights.weight(c.criterion());
            Span line = new Span(getTranslation("matching.contribution", getTranslation("criterion." + c.criterion().name()),
                    c.points(), weight));
            line.getStyle().set("display", "block");
            ProgressBar bar = new ProgressBar(0, Math.max(1, weight), Math.min(Math.max(0, c.points()), Math.max(1, weight)));
            bar.getStyle().set("margin", "0 0 var(--lumo-space-xs) 0").set("height", "4px");
            root.add(line, bar);
        }
    }
}
