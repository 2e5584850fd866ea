package nl.steunpunt.buddy.ui.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.CurrentActor;

/** The acting user from Spring Security's context. */
@Component
class SpringSecurityCurrentActor implements CurrentActor {

    @Override
    public Optional<Actor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof BuddyUser user) {
            return Optional.of(user.actor());
        }
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof BuddyOidcUser user) {
            return Optional.of(user.actor());
        }
        return Optional.empty();
    }
}
