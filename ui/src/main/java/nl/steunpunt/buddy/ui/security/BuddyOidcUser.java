package nl.steunpunt.buddy.ui.security;

import java.util.Collection;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import nl.steunpunt.buddy.shared.Actor;

/** A user signed in through Keycloak, with the {@link Actor} her token's roles and region groups make her. */
public record BuddyOidcUser(Actor actor, OidcUser oidc) implements OidcUser {

    @Override
    public Map<String, Object> getClaims() {
        return oidc.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return oidc.getUserInfo();
    }

    @Override
    public OidcIdToken getIdToken() {
        return oidc.getIdToken();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return oidc.getAttributes();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return BuddyUser.authorities(actor);
    }

    @Override
    public String getName() {
        return actor.userId();
    }
}
