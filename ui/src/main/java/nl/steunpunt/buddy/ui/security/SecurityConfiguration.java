package nl.steunpunt.buddy.ui.security;

import java.util.Arrays;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import com.vaadin.flow.spring.security.VaadinWebSecurity;

import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.ui.base.LoginView;
import nl.steunpunt.buddy.ui.base.SignInFailedView;

/**
 * Vaadin-aware Spring Security, every view guarded by its annotation. Local mode: form login on
 * {@link LoginView}. Keycloak mode: OpenID Connect login (authorization code with PKCE; a failed
 * sign-in lands on {@link SignInFailedView}), RP-initiated logout back to the app, and
 * back-channel logout (Keycloak ends the app's session when the user signs out elsewhere).
 */
@EnableWebSecurity
@Configuration
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration extends VaadinWebSecurity {

    static final String KEYCLOAK_REGISTRATION = "keycloak";
    static final String PRODUCTION_PROFILE = "prod";
    /**
     * What Vaadin Flow needs and nothing more: its client engine starts from an inline script and
     * evaluates the expressions the server sends ('unsafe-inline', 'unsafe-eval' for scripts, inline
     * styles); everything else from this origin only, never framed, forms posted only here.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private final SecuritySettings settings;
    private final ObjectProvider<Regions> regions;
    private final ObjectProvider<LocalAccounts> directory;
    private final ObjectProvider<ClientRegistrationRepository> clients;

    SecurityConfiguration(SecuritySettings settings, Environment environment, ObjectProvider<Regions> regions,
            ObjectProvider<LocalAccounts> directory, ObjectProvider<ClientRegistrationRepository> clients) {
        if (settings.mode() == SecuritySettings.Mode.LOCAL && Arrays.asList(environment.getActiveProfiles()).contains(PRODUCTION_PROFILE)) {
            throw new IllegalStateException("Local sign-in is for development and demos only and cannot run under the '"
                    + PRODUCTION_PROFILE + "' profile: set buddy.security.mode=keycloak (the default of that profile).");
        }
        this.settings = settings;
        this.regions = regions;
        this.directory = directory;
        this.clients = clients;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(policy -> policy.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny())
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"))
                .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
        super.configure(http);
        if (settings.mode() == SecuritySettings.Mode.KEYCLOAK) {
            KeycloakActors actors = new KeycloakActors(regions.getObject(), directory.getObject());
            setOAuth2LoginPage(http, "/oauth2/authorization/" + KEYCLOAK_REGISTRATION, "{baseUrl}");
            DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(clients.getObject(),
                    OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
            pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(login -> login
                    .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(actors))
                    .failureUrl("/" + SignInFailedView.ROUTE));
            http.oidcLogout(logout -> logout.backChannel(Customizer.withDefaults()));
        } else {
            setLoginView(http, LoginView.class);
        }
    }
}
