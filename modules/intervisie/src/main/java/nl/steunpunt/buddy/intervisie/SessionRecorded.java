package nl.steunpunt.buddy.intervisie;

import java.util.UUID;

import nl.steunpunt.buddy.shared.RegionCode;

/** A facilitator recorded who attended a session and its themes; the session is held. */
public record SessionRecorded(UUID sessionId, RegionCode region) {
}
