package nl.steunpunt.buddy.ui.closure;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.closure.BuddyScores;
import nl.steunpunt.buddy.closure.Closures;
import nl.steunpunt.buddy.matching.MatchEndings;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.processes.ClosureProcess;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.ui.matching.BuddyTaskScreen;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** The buddy evaluates her own ended match on five scales, with a free text if she likes. */
@Route("taken/evaluatie-buddy")
@RolesAllowed("BUDDY")
public class BuddyEvaluationView extends BuddyTaskScreen {

    private final Closures closures;
    private final MatchEndings endings;
    private final Scale prepared = new Scale("buddy-prepared", "");
    private final Scale supported = new Scale("buddy-supported", "");
    private final Scale parentContact = new Scale("buddy-parent-contact", "");
    private final Scale schoolCooperation = new Scale("buddy-school-cooperation", "");
    private final Scale parentInControl = new Scale("buddy-parent-in-control", "");
    private final TextArea comment = new TextArea();

    public BuddyEvaluationView(WorkItems workItems, CurrentActor currentActor, Actors actors, Matchmaking matchmaking, Clock clock,
            Closures closures, MatchEndings endings) {
        super(workItems, currentActor, actors, matchmaking, clock);
        this.closures = closures;
        this.endings = endings;
    }

    private static UUID matchId(WorkItem item) {
        return UUID.fromString(item.subjectId());
    }

    @Override
    protected String formKey() {
        return ClosureProcess.Forms.BUDDY_EVALUATION;
    }

    @Override
    protected Component caseFile(WorkItem item) {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        String about = endings.closure(matchId(item))
                .map(c -> getTranslation("closure.buddy.about", item.caseReference(), getTranslation("closure.reason." + c.reason().name()),
                        date.format(c.endedAt().atZone(clock().getZone()))))
                .orElse(item.caseReference());
        Paragraph p = new Paragraph(about);
        p.setId("buddy-evaluation-about");
        return p;
    }

    @Override
    protected Component form(WorkItem item) {
        prepared.setLabel(getTranslation("closure.buddy.prepared"));
        supported.setLabel(getTranslation("closure.buddy.supported"));
        parentContact.setLabel(getTranslation("closure.buddy.parent-contact"));
        schoolCooperation.setLabel(getTranslation("closure.buddy.school-cooperation"));
        parentInControl.setLabel(getTranslation("closure.buddy.parent-in-control"));
        comment.setLabel(getTranslation("closure.buddy.comment"));
        comment.setId("buddy-comment");
        comment.setMaxLength(Closures.MAX_NOTES);
        comment.setWidthFull();
        VerticalLayout form = new VerticalLayout(new Paragraph(getTranslation("closure.scale.explain")), prepared, supported,
                parentContact, schoolCooperation, parentInControl, comment);
        form.setPadding(false);
        closures.ownEvaluation(matchId(item)).ifPresent(e -> {
            prepared.setValue(e.scores().prepared());
            supported.setValue(e.scores().supported());
            parentContact.setValue(e.scores().parentContact());
            schoolCooperation.setValue(e.scores().schoolCooperation());
            parentInControl.setValue(e.scores().parentInControl());
            comment.setValue(e.comment().orElse(""));
        });
        return form;
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        List<Integer> answers = List.of(prepared, supported, parentContact, schoolCooperation, parentInControl).stream()
                .map(Scale::answer).toList();
        if (answers.stream().anyMatch(Objects::isNull)) {
            return Optional.empty();
        }
        BuddyScores scores = new BuddyScores(answers.get(0), answers.get(1), answers.get(2), answers.get(3), answers.get(4));
        UUID match = matchId(item);
        String text = comment.getValue();
        return Optional.of(new Completion(Map.of(), () -> closures.recordBuddyEvaluation(match, scores, text)));
    }
}
