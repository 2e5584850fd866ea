package nl.steunpunt.buddy.ui.recruitment;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.steunpunt.buddy.ui.security.PublicFormLimiter;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.ui.base.LanguageSwitch;

/** The public page where a parent applies to become a buddy; no account needed. */
@Route(value = "aanmelden", autoLayout = false)
@AnonymousAllowed
public class PublicApplicationView extends VerticalLayout implements HasDynamicTitle {

    public PublicApplicationView(Applications applications, PublicFormLimiter limiter, Regions regions) {
        setMaxWidth("50em");
        getStyle().set("margin", "0 auto");
        add(new LanguageSwitch(), new H1(getTranslation("public.title")), new Paragraph(getTranslation("public.intro")));
        add(new ApplicationForm(applications, limiter, regions.all(), id -> {
            removeAll();
            Paragraph thanks = new Paragraph(getTranslation("public.thanks"));
            thanks.setId("application-thanks");
            add(new H1(getTranslation("public.title")), thanks);
        }));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("public.title") + " · " + getTranslation("app.name");
    }
}
