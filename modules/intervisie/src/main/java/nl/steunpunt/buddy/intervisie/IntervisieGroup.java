package nl.steunpunt.buddy.intervisie;

import java.util.List;
import java.util.UUID;

import nl.steunpunt.buddy.shared.RegionCode;

/** A group of a region with its members, by name. */
public record IntervisieGroup(UUID id, String reference, RegionCode region, String name, SessionKind kind, GroupStatus status,
        List<GroupMember> members) {

    public IntervisieGroup {
        members = List.copyOf(members);
    }
}
