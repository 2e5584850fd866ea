package nl.steunpunt.buddy.ui.closure;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.closure.Closures;
import nl.steunpunt.buddy.closure.LinkState;
import nl.steunpunt.buddy.closure.ParentLink;
import nl.steunpunt.buddy.processes.ClosureProcess;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.base.Notifications;
import nl.steunpunt.buddy.workflow.WorkItem;
import nl.steunpunt.buddy.workflow.WorkItems;

/**
 * The coordinator thanks the buddy, invites her to the yearly meeting and records the expenses paid.
 * While the parent's evaluation is open she can make a personal link to pass on herself, e.g. by
 * phone when the request has no e-mail address.
 */
@Route("taken/bedanken")
@RolesAllowed("COORDINATOR")
public class AppreciationView extends ClosureTaskScreen {

    private final String publicUrl;
    private final Checkbox thanks = new Checkbox();
    private final Checkbox invited = new Checkbox();
    private final BigDecimalField expenses = new BigDecimalField();

    public AppreciationView(WorkItems workItems, CurrentActor currentActor, Actors actors, Closures closures, Clock clock,
            @Value("${buddy.public-url:http://localhost:8080}") String publicUrl) {
        super(workItems, currentActor, actors, closures, clock);
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Override
    protected String formKey() {
        return ClosureProcess.Forms.APPRECIATION;
    }

    @Override
    protected Component form(WorkItem item) {
        thanks.setLabel(getTranslation("closure.appreciation.thanks"));
        thanks.setId("appreciation-thanks");
        invited.setLabel(getTranslation("closure.appreciation.invited"));
        invited.setId("appreciation-invited");
        expenses.setLabel(getTranslation("closure.appreciation.expenses"));
        expenses.setId("appreciation-expenses");
        expenses.setHelperText(getTranslation("closure.appreciation.expenses.help"));
        VerticalLayout form = new VerticalLayout(thanks, invited, expenses);
        form.setPadding(false);
        if (file != null && file.parentLink() == LinkState.OPEN) {
            form.add(passOn(item));
        }
        return form;
    }

    private Component passOn(WorkItem item) {
        Paragraph explain = new Paragraph(getTranslation(file.parentHasEmail() ? "closure.link.pass-on.mailed"
                : "closure.link.pass-on.no-email"));
        explain.setId("parent-link-explain");
        TextField shown = new TextField(getTranslation("closure.link.pass-on.link"));
        shown.setId("parent-link");
        shown.setReadOnly(true);
        shown.setWidthFull();
        shown.setVisible(false);
        Button make = new Button(getTranslation("closure.link.pass-on.make"), e -> {
            try {
                ParentLink link = closures.passOnParentLink(matchId(item));
                shown.setValue(publicUrl + "/evaluatie/" + link.token());
                shown.setVisible(true);
            } catch (TranslatableException ex) {
                Notifications.error(ex);
            }
        });
        make.setId("make-parent-link");
        VerticalLayout section = new VerticalLayout(explain, make, shown);
        section.setPadding(false);
        return section;
    }

    @Override
    protected Optional<Completion> completion(WorkItem item) {
        if (expenses.isInvalid()) {
            expenses.setErrorMessage(getTranslation("error.closure.expenses", Closures.MAX_EXPENSES.toPlainString()));
            return Optional.empty();
        }
        UUID match = matchId(item);
        boolean thanked = thanks.getValue();
        boolean invitation = invited.getValue();
        BigDecimal amount = expenses.getValue();
        return Optional.of(new Completion(Map.of(), () -> closures.recordAppreciation(match, thanked, invitation, amount)));
    }
}
