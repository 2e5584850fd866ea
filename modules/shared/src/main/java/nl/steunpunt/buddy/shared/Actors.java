package nl.steunpunt.buddy.shared;

import java.util.List;
import java.util.Optional;

/** Looks up other users (for assigning work to a colleague); backed by the same source as {@link CurrentActor}. */
public interface Actors {

    Optional<Actor> find(String userId);

    /** Everyone who holds {@code role} in {@code region}, by display name. */
    List<Actor> withRoleIn(Role role, RegionCode region);
}
