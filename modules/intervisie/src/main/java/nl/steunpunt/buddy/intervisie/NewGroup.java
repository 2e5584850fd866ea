package nl.steunpunt.buddy.intervisie;

import java.util.Set;

import nl.steunpunt.buddy.recruitment.ApplicationId;
import nl.steunpunt.buddy.shared.RegionCode;

/** What a facilitator fills in to start a group: name, kind and the buddies of the region in it. */
public record NewGroup(RegionCode region, String name, SessionKind kind, Set<ApplicationId> members) {

    public NewGroup {
        members = members == null ? Set.of() : Set.copyOf(members);
    }
}
