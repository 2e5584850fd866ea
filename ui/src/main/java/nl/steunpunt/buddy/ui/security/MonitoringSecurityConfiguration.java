package nl.steunpunt.buddy.ui.security;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The operations endpoints under {@code /actuator}, guarded by their own filter chain ahead of
 * Vaadin's: health for anyone (without details), everything else (Prometheus metrics) for a signed-in
 * administrator's session or the monitoring credential over HTTP Basic. The Basic login knows only
 * that one account, and none when no monitoring password is configured.
 */
@Configuration
@EnableConfigurationProperties(MonitoringSettings.class)
class MonitoringSecurityConfiguration {

    static final String MONITORING_ROLE = "MONITORING";

    /**
     * 401 with a Basic challenge, set directly: a container error page would be dispatched through the
     * application's own chain and turn the answer into a redirect to the sign-in page.
     */
    private static final AuthenticationEntryPoint CHALLENGE = (request, response, failure) -> {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Steunpunt Buddy monitoring\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    };

    @Bean
    @Order(1)
    SecurityFilterChain operationsFilterChain(HttpSecurity http, MonitoringSettings settings, PasswordEncoder encoder) throws Exception {
        InMemoryUserDetailsManager monitoring = new InMemoryUserDetailsManager();
        if (settings.enabled()) {
            monitoring.createUser(User.withUsername(settings.username()).password(encoder.encode(settings.password()))
                    .roles(MONITORING_ROLE).build());
        }
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(paths.matcher("/actuator/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths.matcher("/actuator/health"), paths.matcher("/actuator/health/**")).permitAll()
                        .anyRequest().hasAnyRole("ADMIN", MONITORING_ROLE))
                .userDetailsService(monitoring)
                .httpBasic(basic -> basic.authenticationEntryPoint(CHALLENGE))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(CHALLENGE)
                        .accessDeniedHandler((request, response, denied) -> response.setStatus(HttpServletResponse.SC_FORBIDDEN)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(paths.matcher("/actuator/**")))
                .headers(headers -> headers.frameOptions(frame -> frame.deny()));
        return http.build();
    }
}
