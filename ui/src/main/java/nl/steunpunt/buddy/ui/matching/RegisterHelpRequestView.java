package nl.steunpunt.buddy.ui.matching;

import java.time.Clock;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import nl.steunpunt.buddy.ui.security.PublicFormLimiter;
import nl.steunpunt.buddy.matching.HelpRequests;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.ui.base.Notifications;

/**
 * A coordinator registers a help request taken by phone or at an oudercafé: the same form, plus
 * how it came in; an e-mail address or a phone number is enough.
 */
@Route("hulpvragen/nieuw")
@RolesAllowed("COORDINATOR")
public class RegisterHelpRequestView extends VerticalLayout implements HasDynamicTitle {

    /** The list of help requests (built elsewhere); navigated to by its route. */
    static final String HELP_REQUEST_LIST = "hulpvragen";

    public RegisterHelpRequestView(HelpRequests helpRequests, PublicFormLimiter limiter, Regions regions, CurrentActor currentActor,
            Clock clock) {
        setMaxWidth("50em");
        var actor = currentActor.require();
        var ownRegions = regions.all().stream().filter(r -> actor.hasRoleIn(Role.COORDINATOR, r.code())).toList();
        add(new H2(getTranslation("help-register.title")), new Paragraph(getTranslation("help-register.intro")));
        add(new HelpRequestForm(helpRequests, limiter, ownRegions, clock, HelpRequestForm.Mode.COORDINATOR, (id, kind) -> {
            Notifications.success("help-register.registered");
            UI.getCurrent().navigate(HELP_REQUEST_LIST);
        }));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("help-register.title") + " · " + getTranslation("app.name");
    }
}
