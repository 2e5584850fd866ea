package nl.steunpunt.buddy.ui.matching;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.matching.CandidateList;
import nl.steunpunt.buddy.matching.ExcludedBuddy;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.MatchingWeights;
import nl.steunpunt.buddy.matching.Matchmaking;
import nl.steunpunt.buddy.matching.RankedCandidate;
import nl.steunpunt.buddy.processes.MatchingProcess;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The coordinator's matching view: the request, the ranked candidates each with a score she can
 * read (every criterion's points out of its weight, adding up to the score), who is excluded and
 * why. She proposes one; choosing anyone but the best-ranked needs a reason.
 */
@Route("taken/buddy-voorstellen")
@RolesAllowed("COORDINATOR")
public class ProposeBuddyView extends MatchingTaskScreen {

    private final Matchmaking matchmaking;
    private final Grid<RankedCandidate> grid = new Grid<>();
    private final TextArea overrideReason = new TextArea();
    private CandidateList candidates;

    public ProposeBuddyView(WorkItems workItems, CurrentActor currentActor, Actors actors, HelpRequests requests,
            Matchmaking matchmaking, Clock clock) {
        super(workItems, currentActor, actors, requests, clock);
        this.matchmaking = matchmaking;
    }

    @Override
    protected String formKey() {
        return MatchingProcess.Forms.PROPOSE_BUDDY;
    }

    @Override
    protected Component form(WorkItem item) {
        candidates = matchmaking.candidates(requestId(item));
        MatchingWeights weights = matchmaking.settings(details.region()).weights();
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        form.add(new Paragraph(getTranslation("candidates.explain", weights.maximum())));
        grid.setId("candidates");
        grid.removeAllColumns(); // the screen renders again after claiming, giving back or assigning
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(RankedCandidate::position).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RankedCandidate::name).setHeader(getTranslation("candidates.name")).setAutoWidth(true);
        grid.addComponentColumn(c -> new CandidateExplanation(c.score(), c.contributions(), weights))
                .setKey("explanation").setHeader(getTranslation("candidates.score.header")).setWidth("24em").setFlexGrow(0);
        grid.addColumn(c -> getTranslation("candidates.load", c.openMatches(), c.maxMatches()))
                .setHeader(getTranslation("candidates.load.header")).setAutoWidth(true);
        grid.addColumn(c -> c.region().value() + c.place().map(p -> " · " + p).orElse(""))
                .setHeader(getTranslation("candidates.where")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation(c.hasAccount() ? "candidates.account.yes" : "candidates.account.no"))
                .setHeader(getTranslation("candidates.account")).setAutoWidth(true);
        grid.setItems(candidates.candidates());
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> updateOverride());
        if (!candidates.candidates().isEmpty()) {
            grid.select(candidates.candidates().get(0));
        }
        overrideReason.setLabel(getTranslation("candidates.override-reason"));
        overrideReason.setId("override-reason");
        overrideReason.setMaxLength(4000);
        overrideReason.setWidthFull();
        overrideReason.setHelperText(getTranslation("candidates.override-reason.help"));
        updateOverride();
        if (candidates.candidates().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("candidates.none"));
            none.setId("no-candidates");
            form.add(none);
        } else {
            form.add(grid, overrideReason);
        }
        form.add(excluded());
        return form;
    }

    private Component excluded() {
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.setSpacing(false);
        list.setId("excluded");
        list.add(new H3(getTranslation("candidates.excluded", candidates.excluded().size())));
        for (ExcludedBuddy e : candidates.excluded()) {
            list.add(new Span(getTranslation("candidates.excluded.line", e.name(), getTranslation("hard-rule." + e.rule().name()))));
        }
        return list;
    }

    private boolean overrides() {
        RankedCandidate chosen = grid.asSingleSelect().getValue();
        return chosen != null && !candidates.candidates().isEmpty() && chosen.score() < candidates.candidates().get(0).score();
    }

    private void updateOverride() {
        overrideReason.setVisible(overrides());
        overrideReason.setRequiredIndicatorVisible(overrides());
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        RankedCandidate chosen = grid.asSingleSelect().getValue();
        if (chosen == null) {
            throw new InvalidInputException("error.match.buddy.required");
        }
        if (overrides() && overrideReason.getValue().isBlank()) {
            overrideReason.setInvalid(true);
            overrideReason.setErrorMessage(getTranslation("error.match.override-reason.required"));
            return Optional.empty();
        }
        String account = matchmaking.accountOf(chosen.buddy())
                .orElseThrow(() -> new InvalidInputException("error.match.buddy-no-account"));
        String reason = overrides() ? overrideReason.getValue() : null;
        return Optional.of(new Completion(Map.of(MatchingProcess.Variables.PROPOSED_BUDDY_USER_ID, account),
                () -> matchmaking.propose(requestId(item), chosen.buddy(), reason)));
    }
}
