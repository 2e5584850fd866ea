package nl.steunpunt.buddy.ui.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.Role;

/**
 * Turns a Keycloak sign-in into an {@link Actor}: the user ID is the Keycloak username, roles come
 * from the realm roles (claim {@code roles}), regions from the region groups (claim {@code regions},
 * one group per region named by its code); unknown roles and regions are ignored. Someone with no
 * role of this app is refused. Each sign-in refreshes her entry in the user directory, so colleagues
 * can hand her work.
 */
class KeycloakActors implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String ROLES_CLAIM = "roles";
    static final String REGIONS_CLAIM = "regions";

    private final OidcUserService delegate = new OidcUserService();
    private final Regions regions;
    private final LocalAccounts directory;

    KeycloakActors(Regions regions, LocalAccounts directory) {
        this.regions = regions;
        this.directory = directory;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        Actor actor = toActor(user);
        if (actor.roles().isEmpty()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", "No role of this application", null));
        }
        directory.remember(actor);
        return new BuddyOidcUser(actor, user);
    }

    Actor toActor(OidcUser user) {
        String userId = Optional.ofNullable(user.getPreferredUsername()).orElse(user.getSubject());
        String name = Optional.ofNullable(user.getFullName()).filter(n -> !n.isBlank()).orElse(userId);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : strings(user.getClaim(ROLES_CLAIM))) {
            for (Role role : Role.values()) {
                if (role.name().equals(value.toUpperCase(Locale.ROOT))) {
                    roles.add(role);
                }
            }
        }
        Set<RegionCode> own = new TreeSet<>();
        for (String value : strings(user.getClaim(REGIONS_CLAIM))) {
            String code = value.startsWith("/") ? value.substring(value.lastIndexOf('/') + 1) : value;
            if (!code.isBlank() && regions.find(new RegionCode(code)).isPresent()) {
                own.add(new RegionCode(code));
            }
        }
        return new Actor(userId, name, roles, own);
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return claim instanceof String value ? List.of(value) : List.of();
    }
}
