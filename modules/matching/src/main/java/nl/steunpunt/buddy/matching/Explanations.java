package nl.steunpunt.buddy.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A score's contributions stored with a proposal, so the case file shows why she was proposed. */
final class Explanations {

    private Explanations() {
    }

    static String format(List<Contribution> contributions) {
        return contributions.stream().map(c -> c.criterion().name() + ":" + c.fit() + ":" + c.points())
                .collect(Collectors.joining(";"));
    }

    static List<Contribution> parse(String text) {
        List<Contribution> contributions = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return contributions;
        }
        for (String part : text.split(";")) {
            String[] fields = part.split(":");
            contributions.add(new Contribution(Criterion.valueOf(fields[0]), Double.parseDouble(fields[1]), Integer.parseInt(fields[2])));
        }
        return contributions;
    }
}
