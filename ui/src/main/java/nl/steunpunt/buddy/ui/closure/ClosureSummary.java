package nl.steunpunt.buddy.ui.closure;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import nl.steunpunt.buddy.closure.BuddyScores;
import nl.steunpunt.buddy.closure.ClosureFile;
import nl.steunpunt.buddy.closure.ParentScores;

/**
 * The closure of a match at a glance, read-only: reason, closing conversation, the scores of both
 * evaluations and the appreciation. For a match's case view and the closure task screens.
 */
public class ClosureSummary extends VerticalLayout {

    public ClosureSummary(ClosureFile file, ZoneId zone) {
        setId("closure-summary");
        setPadding(false);
        setSpacing(false);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        add(new H4(getTranslation("closure.summary.title", file.reference())));
        add(line("closure-reason", getTranslation("closure.summary.reason",
                file.reason().map(r -> getTranslation("closure.reason." + r.name())).orElse("—"),
                file.endedAt().map(at -> date.format(at.atZone(zone))).orElse("—"))));
        add(line("closure-conversation", file.conversation()
                .map(c -> getTranslation("closure.summary.conversation", date.format(c.heldOn()),
                        getTranslation("closure.outcome." + c.outcome().name()), c.notes().orElse("—")))
                .orElse(getTranslation("closure.summary.conversation.none"))));
        add(line("closure-parent-evaluation", file.parentEvaluation()
                .map(e -> getTranslation("closure.summary.parent", parent(e.scores()), e.comment().orElse("—")))
                .orElse(getTranslation("closure.summary.parent.none", getTranslation("closure.link." + file.parentLink().name())))));
        add(line("closure-buddy-evaluation", file.buddyEvaluation()
                .map(e -> getTranslation("closure.summary.buddy", buddy(e.scores()), e.comment().orElse("—")))
                .orElse(getTranslation("closure.summary.buddy.none"))));
        add(line("closure-appreciation", file.appreciation()
                .map(a -> getTranslation("closure.summary.appreciation", yesNo(a.thanksSent()), yesNo(a.invitedToYearlyMeeting()),
                        a.expenses().map(x -> "€ " + x.toPlainString()).orElse("—")))
                .orElse(getTranslation("closure.summary.appreciation.none"))));
    }

    private String parent(ParentScores s) {
        return getTranslation("closure.scores.parent", s.feltHeard(), s.regainedControl(), s.schoolCooperation());
    }

    private String buddy(BuddyScores s) {
        return getTranslation("closure.scores.buddy", s.prepared(), s.supported(), s.parentContact(), s.schoolCooperation(),
                s.parentInControl());
    }

    private String yesNo(boolean value) {
        return getTranslation(value ? "closure.yes" : "closure.no");
    }

    private static Paragraph line(String id, String text) {
        Paragraph p = new Paragraph(text);
        p.setId(id);
        return p;
    }
}
