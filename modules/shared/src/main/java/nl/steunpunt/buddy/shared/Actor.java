package nl.steunpunt.buddy.shared;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The person acting right now: a stable user ID, a display name, roles and the regions the roles
 * apply to. Where it comes from (local accounts or Keycloak) is hidden behind {@link CurrentActor}.
 */
public record Actor(String userId, String displayName, Set<Role> roles, Set<RegionCode> regions) {

    public Actor {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId");
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        regions = Set.copyOf(new TreeSet<>(regions));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean worksIn(RegionCode region) {
        return regions.contains(region);
    }

    /** True when this actor holds {@code role} in {@code region}. */
    public boolean hasRoleIn(Role role, RegionCode region) {
        return hasRole(role) && worksIn(region);
    }

    /** The task candidate groups of this actor: each of her roles in each of her regions. */
    public Set<String> candidateGroups() {
        Set<String> groups = new LinkedHashSet<>();
        for (Role role : new TreeSet<>(roles)) {
            for (RegionCode region : new TreeSet<>(regions)) {
                groups.add(role.groupIn(region));
            }
        }
        return groups;
    }
}
