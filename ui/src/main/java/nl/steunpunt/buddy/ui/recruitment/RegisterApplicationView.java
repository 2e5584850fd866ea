package nl.steunpunt.buddy.ui.recruitment;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.ui.security.PublicFormLimiter;
import nl.steunpunt.buddy.recruitment.Applications;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.ui.base.Notifications;

/** A coordinator registers an application on someone's behalf (e.g. after a phone call or an oudercafé). */
@Route("aanmeldingen/nieuw")
@RolesAllowed("COORDINATOR")
public class RegisterApplicationView extends VerticalLayout implements HasDynamicTitle {

    public RegisterApplicationView(Applications applications, PublicFormLimiter limiter, Regions regions, CurrentActor currentActor) {
        setMaxWidth("50em");
        var actor = currentActor.require();
        var ownRegions = regions.all().stream().filter(r -> actor.hasRoleIn(Role.COORDINATOR, r.code())).toList();
        add(new H2(getTranslation("applications.register")), new Paragraph(getTranslation("applications.register.intro")));
        add(new ApplicationForm(applications, limiter, ownRegions, id -> {
            Notifications.success("applications.registered");
            UI.getCurrent().navigate(ApplicationView.class, id.toString());
        }));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("applications.register") + " · " + getTranslation("app.name");
    }
}
