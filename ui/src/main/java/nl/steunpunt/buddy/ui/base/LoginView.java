package nl.steunpunt.buddy.ui.base;

import org.springframework.beans.factory.annotation.Value;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.steunpunt.buddy.ui.demo.DemoAccounts;

/** Sign-in with a local account; in the demo profile it lists the demo accounts. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();

    public LoginView(@Value("${buddy.demo.enabled:false}") boolean demo,
            @Value("${buddy.demo.password:}") String demoPassword) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgot"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.setAction("login");

        Anchor apply = new Anchor("aanmelden", getTranslation("login.apply"));
        apply.setId("apply-as-buddy");
        Anchor askForHelp = new Anchor("hulpvraag", getTranslation("login.ask-for-help"));
        askForHelp.setId("ask-for-help");
        add(new H1(getTranslation("app.name")), new LanguageSwitch(), form, apply, askForHelp);
        if (demo) {
            VerticalLayout accounts = new VerticalLayout();
            accounts.setPadding(false);
            accounts.setSpacing(false);
            accounts.setWidth("auto");
            accounts.add(new H3(getTranslation("login.demo.title")),
                    new Paragraph(getTranslation("login.demo.password", demoPassword)));
            DemoAccounts.ALL.forEach(account -> accounts.add(new Paragraph(account.username() + " — "
                    + getTranslation("login.demo.account", getTranslation("role." + account.roles().iterator().next()),
                            String.join(", ", account.regions())))));
            accounts.setId("demo-accounts");
            add(accounts);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }
}
