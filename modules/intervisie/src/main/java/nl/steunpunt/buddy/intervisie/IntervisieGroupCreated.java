package nl.steunpunt.buddy.intervisie;

import java.util.UUID;

import nl.steunpunt.buddy.shared.RegionCode;

/** A facilitator started a group: its cycle of sessions begins (the workflow starts its process). */
public record IntervisieGroupCreated(UUID groupId, String reference, RegionCode region, SessionKind kind) {
}
