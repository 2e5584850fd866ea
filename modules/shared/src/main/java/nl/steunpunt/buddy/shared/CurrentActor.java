package nl.steunpunt.buddy.shared;

import java.util.Optional;

/**
 * The one place that knows who is acting. Implemented by the application's security layer
 * (local accounts or Keycloak); modules ask it instead of trusting identities handed to them.
 */
public interface CurrentActor {

    /** The acting user, if any (background jobs run without one). */
    Optional<Actor> current();

    /** The acting user; fails with a translatable error when nobody is signed in. */
    default Actor require() {
        return current().orElseThrow(() -> new AccessDeniedException("error.access.not-signed-in"));
    }
}
