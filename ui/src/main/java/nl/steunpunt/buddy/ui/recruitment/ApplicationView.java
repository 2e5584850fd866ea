package nl.steunpunt.buddy.ui.recruitment;

import java.time.Clock;
import java.time.LocalDate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
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
import nl.steunpunt.buddy.ui.base.Notifications;
import nl.steunpunt.buddy.ui.inbox.CaseTasks;
import nl.steunpunt.buddy.ui.inbox.CaseTimeline;
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
        add(new CaseTasks(workItems, details.reference()));
        if (details.status() == ApplicationStatus.VOG_PENDING) {
            add(vogForm());
        }
        if (!details.status().isClosed()) {
            add(withdrawForm());
        }
        add(new CaseTimeline(workItems, details.reference(), clock.getZone(), "application-timeline"));
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
