package nl.steunpunt.buddy.ui.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import nl.steunpunt.buddy.shared.Actor;

/** The signed-in principal: Spring Security's view of an {@link Actor}. */
public record BuddyUser(Actor actor, String passwordHash, boolean enabled) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(actor);
    }

    static List<GrantedAuthority> authorities(Actor actor) {
        return actor.roles().stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.userId();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
