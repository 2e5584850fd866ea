package nl.steunpunt.buddy.ui;

import java.security.Principal;
import java.util.Locale;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;

import kotlin.jvm.functions.Function0;
import nl.steunpunt.buddy.ui.base.BuddyI18NProvider;

/**
 * Server-side UI tests: the real Spring context and views, a mocked browser. The signed-in user is
 * whatever {@link TestWorld#signIn} put into Spring Security's context; Vaadin's access control sees
 * it through the mocked request.
 */
public abstract class KaribuTest extends ApplicationTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("nl.steunpunt.buddy.ui");
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    @Autowired protected ApplicationContext context;
    @Autowired protected TestWorld world;

    @BeforeEach
    void ensureWorld() {
        world.ensure();
    }

    /** Signs in and opens the app as this user, in Dutch unless told otherwise. */
    protected void openAppAs(String username) {
        openAppAs(username, BuddyI18NProvider.DUTCH);
    }

    /** Opens the app without signing in, as a visitor of the public pages. */
    protected void openAppAnonymously() {
        openAppAnonymously(BuddyI18NProvider.DUTCH);
    }

    /** Opens the public pages in this language. */
    protected void openAppAnonymously(Locale locale) {
        world.signOut();
        startUi(locale);
    }

    protected void openAppAs(String username, Locale locale) {
        world.signIn(username);
        startUi(locale);
    }

    private void startUi(Locale locale) {
        MockVaadin.setMockRequestFactory(session -> withLanguage(new FakeRequest(session) {
            @Override
            public Principal getUserPrincipal() {
                Authentication a = SecurityContextHolder.getContext().getAuthentication();
                return a == null || TRUST.isAnonymous(a) ? null : a;
            }

            @Override
            public boolean isUserInRole(String role) {
                return getUserPrincipal() instanceof Authentication a
                        && a.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals("ROLE_" + role));
            }
        }, locale));
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    /** The language cookie the language switch sets; the session picks its locale from it. */
    private static FakeRequest withLanguage(FakeRequest request, Locale locale) {
        request.addCookie(new Cookie("buddy-lang", locale.getLanguage()));
        return request;
    }

    @AfterEach
    protected void closeApp() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            session.getSession().removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        }
        world.signOut();
        MockVaadin.tearDown();
    }
}
