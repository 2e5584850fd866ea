package nl.steunpunt.buddy.shared;

import java.util.List;
import java.util.Optional;

/** The regions known to this installation. */
public interface Regions {

    List<Region> all();

    Optional<Region> find(RegionCode code);

    /** Adds the region or renames it when it exists. */
    Region save(Region region);
}
