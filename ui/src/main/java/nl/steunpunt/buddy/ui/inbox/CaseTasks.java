package nl.steunpunt.buddy.ui.inbox;

import java.util.List;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import nl.steunpunt.buddy.ui.base.Labels;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
import nl.steunpunt.buddy.workflow.WorkItems;

/** The open tasks of a case the reader may work on, each a button to its screen. */
public class CaseTasks extends Composite<VerticalLayout> {

    public CaseTasks(WorkItems workItems, String caseReference) {
        VerticalLayout tasks = getContent();
        tasks.setPadding(false);
        tasks.setId("case-tasks");
        tasks.add(new H3(getTranslation("application.open-tasks")));
        List<WorkItem> open = workItems.find(WorkItemQuery.inbox().forCase(caseReference), 0, 100);
        if (open.isEmpty()) {
            tasks.add(new Span(getTranslation("application.no-open-tasks")));
        }
        for (WorkItem item : open) {
            tasks.add(new Button(Labels.of(this, "task." + item.definitionKey(), item.name()), e -> TaskForms.screenFor(item.formKey())
                    .ifPresent(screen -> UI.getCurrent().navigate(screen, item.id()))));
        }
    }
}
