package nl.steunpunt.buddy.ui.matching;

import java.time.Clock;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.steunpunt.buddy.ui.security.PublicFormLimiter;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.matching.RequesterKind;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.ui.base.LanguageSwitch;

/** The public page where a parent or a young person asks for a buddy; no account needed. */
@Route(value = "hulpvraag", autoLayout = false)
@AnonymousAllowed
public class PublicHelpRequestView extends VerticalLayout implements HasDynamicTitle {

    public PublicHelpRequestView(HelpRequests helpRequests, PublicFormLimiter limiter, Regions regions, Clock clock) {
        setMaxWidth("50em");
        getStyle().set("margin", "0 auto");
        add(new LanguageSwitch(), new H1(getTranslation("help-public.title")));
        add(new HelpRequestForm(helpRequests, limiter, regions.all(), clock, HelpRequestForm.Mode.PUBLIC, (id, kind) -> {
            removeAll();
            Paragraph thanks = new Paragraph(getTranslation(kind == RequesterKind.YOUTH ? "help-public.thanks.youth"
                    : "help-public.thanks.parent"));
            thanks.setId("help-request-thanks");
            add(new H1(getTranslation("help-public.title")), thanks);
        }));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("help-public.title") + " · " + getTranslation("app.name");
    }
}
