package nl.steunpunt.buddy.shared;

import java.util.Locale;

/** The roles of the programme; see DOMAIN.md. Task candidate groups are a role scoped to a region. */
public enum Role {
    COORDINATOR,
    TRAINER,
    MANAGER,
    BUDDY,
    /** Leads intervisie sessions of a region (often also a trainer or coordinator). */
    FACILITATOR,
    ADMIN;

    /** The candidate group of this role in a region, e.g. {@code coordinator-PO-2605}. */
    public String groupIn(RegionCode region) {
        return name().toLowerCase(Locale.ROOT) + "-" + region.value();
    }
}
