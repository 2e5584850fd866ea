package nl.steunpunt.buddy.ui.process;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;

import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.base.Labels;
import nl.steunpunt.buddy.workflow.CaseDiagram;
import nl.steunpunt.buddy.workflow.CaseDiagrams;
import nl.steunpunt.buddy.workflow.Phase;

/**
 * The "Diagram" section of a case: one tab per process of the case (newest first), each drawn on its
 * BPMN model with the current step highlighted and the path taken marked, and the same in words
 * beside it: the current step and the steps taken.
 */
public class CaseDiagramPanel extends Composite<VerticalLayout> {

    private final ZoneId zone;
    private final BpmnDiagram diagram = new BpmnDiagram();
    private final Paragraph current = new Paragraph();
    private final Paragraph taken = new Paragraph();

    public CaseDiagramPanel(CaseDiagrams diagrams, String caseReference, ZoneId zone) {
        this.zone = zone;
        VerticalLayout content = getContent();
        content.setId("case-diagram");
        content.setPadding(false);
        content.add(new H3(getTranslation("diagram.title")));
        List<CaseDiagram> processes;
        try {
            processes = diagrams.of(caseReference);
        } catch (TranslatableException e) {
            Paragraph problem = new Paragraph(getTranslation(e.messageKey(), e.arguments()));
            problem.setId("case-diagram-problem");
            content.add(problem);
            return;
        }
        if (processes.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("diagram.none"));
            none.setId("case-diagram-none");
            content.add(none);
            return;
        }
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        Tabs tabs = new Tabs();
        tabs.setId("case-diagram-processes");
        for (CaseDiagram process : processes) {
            Tab tab = new Tab(getTranslation("diagram.process", processName(this, process.processKey(), process.processName()),
                    date.format(process.started().atZone(zone))));
            tab.setId("case-diagram-tab-" + process.processInstanceId());
            tabs.add(tab);
        }
        diagram.setId("case-diagram-bpmn");
        current.setId("case-diagram-current");
        taken.setId("case-diagram-taken");
        tabs.addSelectedChangeListener(e -> show(processes.get(tabs.getSelectedIndex()), date));
        content.add(tabs, current, taken, diagram);
        show(processes.get(0), date);
    }

    private void show(CaseDiagram process, DateTimeFormatter date) {
        diagram.setXml(process.bpmnXml());
        diagram.setCompletedIds(process.completedIds());
        diagram.setActiveIds(process.activeIds());
        if (process.current().isEmpty()) {
            current.setText(process.ended().map(at -> getTranslation("diagram.ended", date.format(at.atZone(zone))))
                    .orElseGet(() -> getTranslation("diagram.current.none")));
        } else {
            current.setText(getTranslation("diagram.current", names(process.current(), ", ")));
        }
        taken.setText(process.taken().isEmpty() ? getTranslation("diagram.taken.none")
                : getTranslation("diagram.taken", names(process.taken(), " → ")));
    }

    private String names(List<CaseDiagram.Step> steps, String separator) {
        return steps.stream().map(step -> Labels.of(this, "task." + step.activityId(), step.name())).collect(Collectors.joining(separator));
    }

    /** The translated name of a lifecycle process, else the model's own name. */
    public static String processName(com.vaadin.flow.component.Component component, String processKey, String fallback) {
        return Phase.ofProcess(processKey).map(phase -> component.getTranslation("phase." + phase.name())).orElse(fallback);
    }
}
