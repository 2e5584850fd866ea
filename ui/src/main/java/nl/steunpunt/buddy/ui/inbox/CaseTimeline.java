package nl.steunpunt.buddy.ui.inbox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import nl.steunpunt.buddy.ui.base.Labels;
import nl.steunpunt.buddy.workflow.CaseEvent;
import nl.steunpunt.buddy.workflow.WorkItems;

/** The timeline of a case: process steps, tasks, assignments and notes, oldest first, in the reader's language. */
public class CaseTimeline extends Composite<VerticalLayout> {

    public CaseTimeline(WorkItems workItems, String caseReference, ZoneId zone, String id) {
        VerticalLayout timeline = getContent();
        timeline.setId(id);
        timeline.setPadding(false);
        timeline.add(new H3(getTranslation("task.timeline")));
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        for (CaseEvent event : workItems.history(caseReference)) {
            String label = event.kind() == CaseEvent.Kind.NOTE || event.kind() == CaseEvent.Kind.ASSIGNED
                    ? event.label() : Labels.of(this, "task." + event.key(), event.label());
            timeline.add(new Span(getTranslation("timeline." + event.kind().name(), format.format(event.at().atZone(zone)), label,
                    event.actor().orElse("—"))));
        }
    }
}
