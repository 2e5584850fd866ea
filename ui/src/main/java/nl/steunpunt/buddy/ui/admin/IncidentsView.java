package nl.steunpunt.buddy.ui.admin;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.base.Labels;
import nl.steunpunt.buddy.ui.base.Notifications;
import nl.steunpunt.buddy.ui.process.CaseDiagramPanel;
import nl.steunpunt.buddy.ui.process.CaseDiagramView;
import nl.steunpunt.buddy.workflow.FailedJob;
import nl.steunpunt.buddy.workflow.Incidents;

/**
 * Failed jobs and incidents with their case, process, step, time of failure and the first line of
 * the message; for the selected row the full stack trace in a dialog, retry (one more attempt, due
 * now) and a comment on the incident. The operational part of Cockpit, which this application does not ship.
 */
@Route("beheer/storingen")
@RolesAllowed("ADMIN")
@Menu(order = 24, title = "menu.incidents")
public class IncidentsView extends VerticalLayout implements HasDynamicTitle {

    private final Incidents incidents;
    private final Grid<FailedJob> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();

    public IncidentsView(Incidents incidents, Clock clock) {
        this.incidents = incidents;
        setSizeFull();
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        grid.setId("incidents-grid");
        grid.addComponentColumn(this::caseLink).setKey("case").setHeader(getTranslation("incidents.case")).setAutoWidth(true);
        grid.addColumn(job -> CaseDiagramPanel.processName(this, job.processKey(), job.processName())).setKey("process")
                .setHeader(getTranslation("incidents.process.header")).setAutoWidth(true);
        grid.addColumn(job -> Labels.of(this, "task." + job.activityId(), job.activityName())).setKey("activity")
                .setHeader(getTranslation("incidents.activity")).setAutoWidth(true);
        grid.addColumn(job -> format.format(job.failedAt().atZone(clock.getZone()))).setKey("failed")
                .setHeader(getTranslation("incidents.failed-at")).setAutoWidth(true);
        grid.addColumn(FailedJob::message).setKey("message").setHeader(getTranslation("incidents.message")).setWidth("24em").setFlexGrow(3);
        grid.addColumn(FailedJob::retries).setKey("retries").setHeader(getTranslation("incidents.retries")).setAutoWidth(true);
        grid.addColumn(job -> job.annotation().orElse("")).setKey("annotation").setHeader(getTranslation("incidents.annotation"))
                .setAutoWidth(true);
        empty.setId("incidents-empty");
        empty.setText(getTranslation("incidents.empty"));
        add(new H2(getTranslation("incidents.title")), new Paragraph(getTranslation("incidents.intro")), empty, actions(), grid);
        refresh();
    }

    private void refresh() {
        var rows = incidents.list();
        grid.setItems(rows);
        empty.setVisible(rows.isEmpty());
    }

    private com.vaadin.flow.component.Component caseLink(FailedJob job) {
        return job.caseReference()
                .<com.vaadin.flow.component.Component>map(reference -> new RouterLink(reference, CaseDiagramView.class, reference))
                .orElseGet(() -> new Paragraph("—"));
    }

    /** Details, retry and comment act on the selected row; each is enabled only where it applies. */
    private HorizontalLayout actions() {
        Button details = new Button(getTranslation("incidents.details"), e -> selected().flatMap(FailedJob::jobId).ifPresent(this::details));
        details.setId("incident-details");
        Button retry = new Button(getTranslation("incidents.retry"), e -> selected().flatMap(FailedJob::jobId).ifPresent(jobId -> {
            try {
                incidents.retry(jobId);
                Notifications.success("incidents.retried");
            } catch (TranslatableException ex) {
                Notifications.error(ex);
            }
            refresh();
        }));
        retry.setId("incident-retry");
        retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button comment = new Button(getTranslation("incidents.comment"), e -> selected()
                .ifPresent(job -> job.incidentId().ifPresent(incidentId -> comment(incidentId, job.annotation().orElse("")))));
        comment.setId("incident-comment");
        Runnable enable = () -> {
            Optional<FailedJob> job = selected();
            details.setEnabled(job.flatMap(FailedJob::jobId).isPresent());
            retry.setEnabled(job.flatMap(FailedJob::jobId).isPresent());
            comment.setEnabled(job.flatMap(FailedJob::incidentId).isPresent());
        };
        grid.asSingleSelect().addValueChangeListener(e -> enable.run());
        enable.run();
        return new HorizontalLayout(details, retry, comment);
    }

    private Optional<FailedJob> selected() {
        return Optional.ofNullable(grid.asSingleSelect().getValue());
    }

    private void details(String jobId) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("incidents.details.title"));
        Pre trace = new Pre();
        trace.setId("incident-stack-trace");
        trace.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-xs)");
        try {
            trace.setText(incidents.stackTrace(jobId));
        } catch (TranslatableException e) {
            trace.setText(getTranslation(e.messageKey(), e.arguments()));
        }
        Button close = new Button(getTranslation("incidents.close"), e -> dialog.close());
        close.setId("incident-details-close");
        dialog.add(trace);
        dialog.getFooter().add(close);
        dialog.setWidth("min(60em, 95vw)");
        dialog.open();
    }

    private void comment(String incidentId, String current) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("incidents.comment.title"));
        TextArea text = new TextArea(getTranslation("incidents.annotation"));
        text.setId("incident-annotation");
        text.setMaxLength(2000);
        text.setValue(current);
        text.setWidthFull();
        Button save = new Button(getTranslation("incidents.comment.save"), e -> {
            try {
                incidents.annotate(incidentId, text.getValue());
                dialog.close();
                Notifications.success("incidents.comment.saved");
                refresh();
            } catch (TranslatableException ex) {
                Notifications.error(ex);
            }
        });
        save.setId("incident-annotation-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(text);
        dialog.getFooter().add(new Button(getTranslation("incidents.close"), e -> dialog.close()), save);
        dialog.setWidth("min(40em, 95vw)");
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("incidents.title") + " · " + getTranslation("app.name");
    }
}
