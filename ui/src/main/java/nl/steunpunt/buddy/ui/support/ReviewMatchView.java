package nl.steunpunt.buddy.ui.support;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.matching.ClosureReason;
import nl.steunpunt.buddy.processes.SupportProcess;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.support.ReviewDecision;
import nl.steunpunt.buddy.support.SupportRecords;
import nl.steunpunt.buddy.workflow.SupportActions;
import nl.steunpunt.buddy.workflow.SupportActions.ReviewOptions;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/** The review: extend by another period (only while extensions are left) or close with a closure reason. */
@Route("taken/evaluatie-koppeling")
@RolesAllowed("COORDINATOR")
public class ReviewMatchView extends SupportTaskScreen {

    private final RadioButtonGroup<ReviewDecision> decision = new RadioButtonGroup<>();
    private final Select<ClosureReason> closureReason = new Select<>();
    private final TextArea reason = new TextArea();

    public ReviewMatchView(WorkItems workItems, CurrentActor currentActor, Actors actors, SupportRecords records, SupportActions support,
            Clock clock) {
        super(workItems, currentActor, actors, records, support, clock);
    }

    @Override
    protected String formKey() {
        return SupportProcess.Forms.REVIEW_MATCH;
    }

    @Override
    protected Component form(WorkItem item) {
        ReviewOptions options = support.reviewOptions(item.id());
        Paragraph left = new Paragraph(getTranslation("review.extensions-left", options.extensions(), options.left()));
        left.setId("review-extensions-left");
        List<ReviewDecision> offered = new ArrayList<>();
        if (options.canExtend()) {
            offered.add(ReviewDecision.EXTEND);
        }
        offered.add(ReviewDecision.CLOSE);
        decision.setLabel(getTranslation("review.decision"));
        decision.setId("review-decision");
        decision.setItems(offered);
        decision.setItemLabelGenerator(d -> getTranslation("review.decision." + d.name()));
        closureReason.setLabel(getTranslation("support.end-early.reason"));
        closureReason.setId("review-closure-reason");
        closureReason.setItems(Arrays.asList(ClosureReason.values()));
        closureReason.setItemLabelGenerator(r -> getTranslation("closure.reason." + r.name()));
        closureReason.setVisible(false);
        decision.addValueChangeListener(e -> closureReason.setVisible(e.getValue() == ReviewDecision.CLOSE));
        reason.setLabel(getTranslation("review.reason"));
        reason.setId("review-reason");
        reason.setMaxLength(SupportRecords.MAX_TEXT);
        reason.setWidthFull();
        VerticalLayout form = new VerticalLayout(left, decision, closureReason, reason);
        form.setPadding(false);
        return form;
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        if (decision.getValue() == null) {
            decision.setInvalid(true);
            decision.setErrorMessage(getTranslation("error.review.decision.required"));
            return Optional.empty();
        }
        boolean extend = decision.getValue() == ReviewDecision.EXTEND;
        if (!extend && closureReason.getValue() == null) {
            closureReason.setInvalid(true);
            closureReason.setErrorMessage(getTranslation("error.match.closure-reason.required"));
            return Optional.empty();
        }
        ClosureReason why = closureReason.getValue();
        String note = reason.getValue();
        String taskId = item.id();
        return Optional.of(new Completion(Map.of(SupportProcess.Variables.EXTEND, extend),
                () -> support.recordReview(taskId, extend, extend ? null : why, note)));
    }
}
