package nl.steunpunt.buddy.shared;

/** A region: a samenwerkingsverband passend onderwijs with its own steunpunt. */
public record Region(RegionCode code, String name) {
}
