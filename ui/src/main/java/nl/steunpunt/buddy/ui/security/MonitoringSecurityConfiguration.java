package nl.steunpunt.buddy.ui.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

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

    @Bean
    @Order(1)
    SecurityFilterChain operationsFilterChain(HttpSecurity http, MonitoringSettings settings, PasswordEncoder encoder) throws Exception {
        InMemoryUserDetailsManager monitoring = new InMemoryUserDetailsManager();
        if (settings.enabled()) {
            monitoring.createUser(User.withUsername(settings.username()).password(encoder.encode(settings.password()))
                    .roles(MONITORING_ROLE).build());
        }
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasAnyRole("ADMIN", MONITORING_ROLE))
                .userDetailsService(monitoring)
                .httpBasic(basic -> basic.realmName("Steunpunt Buddy monitoring"))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/actuator/**"))
                .headers(headers -> headers.frameOptions(frame -> frame.deny()));
        return http.build();
    }
}
