package nl.steunpunt.buddy.closure;

import java.time.Instant;

/** A freshly made personal evaluation link: its token (shown or sent once, never stored) and expiry. */
public record ParentLink(String token, Instant expiresAt) {
}
