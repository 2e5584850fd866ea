package nl.steunpunt.buddy.ui.closure;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import nl.steunpunt.buddy.processes.ClosureProcess;
import nl.steunpunt.buddy.workflow.Phase;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
import nl.steunpunt.buddy.workflow.WorkItemQuery.Scope;
import nl.steunpunt.buddy.workflow.WorkItemQuery.SortBy;
import nl.steunpunt.buddy.workflow.WorkItems;

/** The buddy's evaluations still to fill in, one button each; nothing when there are none. */
public class BuddyEvaluationTasks extends VerticalLayout {

    public BuddyEvaluationTasks(WorkItems workItems) {
        setId("buddy-evaluation-tasks");
        setPadding(false);
        List<WorkItem> open = workItems.find(new WorkItemQuery(Scope.MINE, false, Optional.of(Phase.CLOSURE), Optional.empty(),
                SortBy.DUE, true), 0, 100).stream().filter(item -> ClosureProcess.Forms.BUDDY_EVALUATION.equals(item.formKey())).toList();
        setVisible(!open.isEmpty());
        if (open.isEmpty()) {
            return;
        }
        add(new H3(getTranslation("closure.buddy.open-evaluations")));
        for (WorkItem item : open) {
            Button button = new Button(getTranslation("closure.buddy.evaluate", item.caseReference()),
                    e -> UI.getCurrent().navigate(BuddyEvaluationView.class, item.id()));
            button.setId("evaluate-" + item.caseReference());
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(button);
        }
    }
}
