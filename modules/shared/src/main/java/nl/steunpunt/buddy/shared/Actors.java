package nl.steunpunt.buddy.shared;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Looks up other users (for assigning work to a colleague); backed by the same source as {@link CurrentActor}. */
public interface Actors {

    Optional<Actor> find(String userId);

    /** The display names of these users, by user ID, in one look-up (a list naming many colleagues); unknown IDs are absent. */
    Map<String, String> displayNames(Collection<String> userIds);

    /** Everyone who holds {@code role} in {@code region}, by display name. */
    List<Actor> withRoleIn(Role role, RegionCode region);
}
