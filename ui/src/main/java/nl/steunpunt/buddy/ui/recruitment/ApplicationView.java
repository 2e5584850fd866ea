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
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.recruitment.ApplicationDetails;
import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.recruitment.ApplicationStatus;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.base.Notifications;
import nl.steunpunt.buddy.ui.inbox.CaseTasks;
import nl.steunpunt.buddy.ui.inbox.CaseView;
import nl.steunpunt.buddy.ui.inbox.WithdrawForm;
import nl.steunpunt.buddy.ui.inbox.CaseTimeline;
import nl.steunpunt.buddy.ui.process.CaseDiagramPanel;
import nl.steunpunt.buddy.workflow.CaseDiagrams;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The case view of one application: the case file, its open tasks, the timeline of everything that
 * happened, the VOG register and withdrawal. Opening it is logged.
 */
@Route("aanmeldingen")
@RolesAllowed("COORDINATOR")
public class ApplicationView extends CaseView<ApplicationDetails> {

    private final Applications applications;
    private final WorkItems workItems;
    private final CaseDiagrams diagrams;
    private final Clock clock;
    private ApplicationDetails details;

    public ApplicationView(Applications applications, WorkItems workItems, CaseDiagrams diagrams, Clock clock) {
        super("error.application.not-found", "application-problem");
        this.applications = applications;
        this.workItems = workItems;
        this.diagrams = diagrams;
        this.clock = clock;

    }

    @Override
    protected ApplicationDetails open(String id) {
        return applications.open(ApplicationId.of(id));
    }

    @Override
    protected String reference(ApplicationDetails opened) {
        return opened.reference();
    }

    @Override
    protected String listTitle() {
        return getTranslation("applications.title");
    }

    @Override
    protected void render(ApplicationDetails opened) {
        details = opened;
        add(new H2(getTranslation("application.case-file", details.reference())));
        add(new ApplicationCaseFile(details, clock.getZone()));
        add(new CaseTasks(workItems, details.reference()));
        if (details.status() == ApplicationStatus.VOG_PENDING) {
            add(vogForm());
        }
        if (!details.status().isClosed()) {
            add(new WithdrawForm("withdraw.title", null, "withdraw.action", details.reference(),
                    reason -> applications.withdraw(details.id(), reason), () -> refresh(applications.open(details.id()))));
        }
        add(new CaseTimeline(workItems, details.reference(), clock.getZone(), "application-timeline"));
        add(new CaseDiagramPanel(diagrams, details.reference(), clock.getZone()));
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
                refresh(applications.open(details.id()));
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
}
