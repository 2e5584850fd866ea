package nl.steunpunt.buddy.ui.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.Actors;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Role;

/**
 * Local accounts: the default source of users, roles and regions. A Keycloak mode replaces it
 * behind the same {@link Actors} and {@link nl.steunpunt.buddy.shared.CurrentActor} interfaces.
 */
@Service
@Transactional(readOnly = true)
public class LocalAccounts implements UserDetailsService, Actors {

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final CurrentActor currentActor;

    LocalAccounts(UserAccountRepository accounts, PasswordEncoder passwordEncoder, CurrentActor currentActor) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.currentActor = currentActor;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findById(username == null ? "" : username.trim())
                .map(account -> new BuddyUser(toActor(account), account.passwordHash(), account.enabled()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    /** A colleague's account, for a signed-in user (task lists show her name). */
    @Override
    public Optional<Actor> find(String userId) {
        currentActor.require();
        return account(userId);
    }

    /** Colleagues' display names for a list that names many of them (the inbox's page), for a signed-in user. */
    @Override
    public Map<String, String> displayNames(Collection<String> userIds) {
        currentActor.require();
        Set<String> wanted = userIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, String> names = new HashMap<>();
        if (!wanted.isEmpty()) {
            accounts.displayNames(wanted).forEach(row -> names.put((String) row[0], (String) row[1]));
        }
        return names;
    }

    /** The colleagues holding {@code role} in {@code region} (the assign dialog), for someone who works in that region. */
    @Override
    public List<Actor> withRoleIn(Role role, RegionCode region) {
        if (!currentActor.require().worksIn(region)) {
            throw new AccessDeniedException("error.access.other-region");
        }
        return accounts.findWithRoleIn(role, region.value()).stream().map(LocalAccounts::toActor).toList();
    }

    /** An account by user name, unchecked: for signing in (demo data acting as its accounts), never for screens. */
    public Optional<Actor> account(String userId) {
        return userId == null ? Optional.empty() : accounts.findById(userId).map(LocalAccounts::toActor);
    }

    /** Creates or replaces an account; the password is hashed here and never stored in clear. */
    @Transactional
    public void save(String username, String displayName, String password, Set<Role> roles, Set<RegionCode> regions) {
        accounts.save(new UserAccountEntity(username, displayName, passwordEncoder.encode(password), roles,
                regions.stream().map(RegionCode::value).collect(Collectors.toSet())));
    }

    /**
     * Keycloak mode: the directory keeps who signed in, with the roles and regions of her latest
     * sign-in, so she can be found and handed work. She gets no usable local password.
     */
    @Transactional
    public void remember(Actor actor) {
        String unusable = accounts.findById(actor.userId()).map(UserAccountEntity::passwordHash)
                .orElseGet(() -> passwordEncoder.encode(java.util.UUID.randomUUID().toString() + java.util.UUID.randomUUID()));
        accounts.save(new UserAccountEntity(actor.userId(), actor.displayName(), unusable, actor.roles(),
                actor.regions().stream().map(RegionCode::value).collect(Collectors.toSet())));
    }

    public long count() {
        return accounts.count();
    }

    private static Actor toActor(UserAccountEntity account) {
        return new Actor(account.username(), account.displayName(), account.roles(),
                account.regions().stream().map(RegionCode::new).collect(Collectors.toSet()));
    }
}
