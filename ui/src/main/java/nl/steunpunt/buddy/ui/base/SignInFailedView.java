package nl.steunpunt.buddy.ui.base;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Where a failed single sign-on lands (for instance an account without any role of this app):
 * a message and a way to try again, instead of a loop back to the login page.
 */
@Route(value = SignInFailedView.ROUTE, autoLayout = false)
@AnonymousAllowed
public class SignInFailedView extends VerticalLayout implements HasDynamicTitle {

    public static final String ROUTE = "inloggen-mislukt";

    public SignInFailedView() {
        Paragraph message = new Paragraph(getTranslation("sign-in.failed.text"));
        message.setId("sign-in-failed");
        add(new H2(getTranslation("sign-in.failed.title")), message, new Anchor("", getTranslation("sign-in.failed.retry")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sign-in.failed.title") + " · " + getTranslation("app.name");
    }
}
