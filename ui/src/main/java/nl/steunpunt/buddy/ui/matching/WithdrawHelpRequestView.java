package nl.steunpunt.buddy.ui.matching;

import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.steunpunt.buddy.ui.security.PublicFormLimiter;
import nl.steunpunt.buddy.matching.HelpRequestSummary;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.shared.TranslatableException;
import nl.steunpunt.buddy.ui.base.LanguageSwitch;

/**
 * The personal link in the confirmation mail: the requester sees her reference and where her
 * request stands, and may withdraw it (a reason is welcome, not required). An unknown or spent link
 * gets a friendly message, never an error page.
 */
@Route(value = "hulpvraag/intrekken", autoLayout = false)
@AnonymousAllowed
public class WithdrawHelpRequestView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final HelpRequests helpRequests;
    private final PublicFormLimiter limiter;

    public WithdrawHelpRequestView(HelpRequests helpRequests, PublicFormLimiter limiter) {
        this.limiter = limiter;
        this.helpRequests = helpRequests;
        setMaxWidth("50em");
        getStyle().set("margin", "0 auto");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String token) {
        removeAll();
        add(new LanguageSwitch(), new H1(getTranslation("help-withdraw.title")));
        Optional<HelpRequestSummary> request = helpRequests.byLink(token);
        if (request.isEmpty()) {
            problem(getTranslation("help-withdraw.unknown"));
            return;
        }
        HelpRequestSummary summary = request.get();
        if (!summary.status().isOpen()) {
            problem(getTranslation("help-withdraw.closed", summary.reference()));
            return;
        }
        Paragraph about = new Paragraph(getTranslation("help-withdraw.about", summary.reference(),
                getTranslation("help-request.status." + summary.status().name())));
        about.setId("withdraw-about");
        Paragraph explain = new Paragraph(getTranslation("help-withdraw.explain"));
        TextArea reason = new TextArea(getTranslation("help-withdraw.reason"));
        reason.setId("withdraw-reason");
        reason.setHelperText(getTranslation("help-form.optional"));
        reason.setMaxLength(4000);
        reason.setWidthFull();
        Button confirm = new Button(getTranslation("help-withdraw.confirm"));
        confirm.setId("withdraw-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> withdraw(token, summary.reference(), reason.getValue()));
        add(about, explain, reason, confirm);
    }

    private void withdraw(String token, String reference, String reason) {
        try {
            limiter.check();
            helpRequests.withdrawByLink(token, reason);
        } catch (TranslatableException e) {
            removeAll();
            add(new LanguageSwitch(), new H1(getTranslation("help-withdraw.title")));
            problem(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        removeAll();
        Paragraph done = new Paragraph(getTranslation("help-withdraw.done", reference));
        done.setId("withdraw-done");
        add(new LanguageSwitch(), new H1(getTranslation("help-withdraw.title")), done);
    }

    private void problem(String text) {
        Paragraph problem = new Paragraph(text);
        problem.setId("withdraw-problem");
        add(problem);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("help-withdraw.title") + " · " + getTranslation("app.name");
    }
}
