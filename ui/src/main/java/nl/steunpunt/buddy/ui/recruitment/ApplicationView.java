package nl.steunpunt.buddy.ui.recruitment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.recruitment.ApplicationDetails;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.ApplicationStatus;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.base.Labels;
import nl.steunpunt.buddy.ui.base.Notifications;
import nl.steunpunt.buddy.ui.inbox.TaskForms;
import nl.steunpunt.buddy.workflow.CaseEvent;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItemQuery;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The case view of one application: the case file, its open tasks, the timeline of everything that
 * happened, the VOG register and withdrawal. Opening it is logged.
 */
@Route("aanmeldingen")
@RolesAllowed("COORDINATOR")
public class ApplicationView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final Applications applications;
    private final WorkItems workItems;
    private final Clock clock;
    private ApplicationDetails details;

    public ApplicationView(Applications applications, WorkItems workItems, Clock clock) {
        this.applications = applications;
        this.workItems = workItems;
        this.clock = clock;
        setMaxWidth("60em");
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        removeAll();
        try {
            details = applications.open(ApplicationId.of(id));
        } catch (IllegalArgumentException e) {
            showProblem(getTranslation("error.application.not-found"));
            return;
        } catch (TranslatableException e) {
            showProblem(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        render();
    }

    private void render() {
        removeAll();
        add(new H2(getTranslation("application.case-file", details.reference())));
        add(new ApplicationCaseFile(details, clock.getZone()));
        add(openTasks());
        if (details.status() == ApplicationStatus.VOG_PENDING) {
            add(vogForm());
        }
        if (!details.status().isClosed()) {
            add(withdrawForm());
        }
        add(timeline());
    }

    private VerticalLayout openTasks() {
        VerticalLayout tasks = new VerticalLayout();
        tasks.setPadding(false);
        tasks.setId("case-tasks");
        tasks.add(new H3(getTranslation("application.open-tasks")));
        List<WorkItem> open = workItems.find(WorkItemQuery.inbox().forCase(details.reference()), 0, 100);
        if (open.isEmpty()) {
            tasks.add(new Span(getTranslation("application.no-open-tasks")));
        }
        for (WorkItem item : open) {
            Button button = new Button(translatedTask(item), e -> TaskForms.screenFor(item.formKey())
                    .ifPresent(screen -> UI.getCurrent().navigate(screen, item.id())));
            tasks.add(button);
        }
        return tasks;
    }

    private VerticalLayout vogForm() {
        DatePicker seenOn = new DatePicker(getTranslation("vog.seen-on"));
        seenOn.setId("vog-seen-on");
        seenOn.setMax(LocalDate.now(clock));
        seenOn.setValue(LocalDate.now(clock));
        DatePicker certificateDate = new DatePicker(getTranslation("vog.certificate-date"));
        certificateDate.setId("vog-certificate-date");
        certificateDate.setMax(LocalDate.now(clock));
        Checkbox valid = new Checkbox(getTranslation("vog.valid.question"));
        valid.setId("vog-valid");
        Button register = new Button(getTranslation("vog.register"), e -> {
            try {
                applications.registerVog(details.id(), seenOn.getValue(), certificateDate.getValue(), valid.getValue());
                Notifications.success("vog.registered");
                details = applications.open(details.id());
                render();
            } catch (TranslatableException ex) {
                Notifications.error(ex);
            }
        });
        register.setId("vog-register");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout form = new VerticalLayout(new H3(getTranslation("vog.title")), new Paragraph(getTranslation("vog.explain")),
                new HorizontalLayout(seenOn, certificateDate), valid, register);
        form.setPadding(false);
        form.setId("vog-form");
        return form;
    }

    private VerticalLayout withdrawForm() {
        TextArea reason = new TextArea(getTranslation("withdraw.reason"));
        reason.setId("withdraw-reason");
        reason.setMaxLength(4000);
        reason.setWidthFull();
        Button withdraw = new Button(getTranslation("withdraw.action"), e -> {
            try {
                applications.withdraw(details.id(), reason.getValue());
                Notifications.success("withdraw.done", details.reference());
                details = applications.open(details.id());
                render();
            } catch (TranslatableException ex) {
                Notifications.error(ex);
            }
        });
        withdraw.setId("withdraw");
        withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
        VerticalLayout form = new VerticalLayout(new H3(getTranslation("withdraw.title")), reason, withdraw);
        form.setPadding(false);
        return form;
    }

    private VerticalLayout timeline() {
        VerticalLayout timeline = new VerticalLayout();
        timeline.setPadding(false);
        timeline.setId("application-timeline");
        timeline.add(new H3(getTranslation("task.timeline")));
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        for (CaseEvent event : workItems.history(details.reference())) {
            String label = event.kind() == CaseEvent.Kind.NOTE || event.kind() == CaseEvent.Kind.ASSIGNED
                    ? event.label() : translated(event.key(), event.label());
            timeline.add(new Span(getTranslation("timeline." + event.kind().name(),
                    format.format(event.at().atZone(clock.getZone())), label, event.actor().orElse("—"))));
        }
        return timeline;
    }

    private String translatedTask(WorkItem item) {
        return translated(item.definitionKey(), item.name());
    }

    private String translated(String key, String fallback) {
        return Labels.of(this, "task." + key, fallback);
    }

    private void showProblem(String message) {
        Paragraph problem = new Paragraph(message);
        problem.setId("application-problem");
        add(new H2(getTranslation("task.unavailable")), problem);
    }

    @Override
    public String getPageTitle() {
        return (details == null ? getTranslation("applications.title") : details.reference()) + " · " + getTranslation("app.name");
    }
}
