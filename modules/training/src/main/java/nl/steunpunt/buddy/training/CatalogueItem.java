package nl.steunpunt.buddy.training;

/** A module or competence of the catalogue. */
public record CatalogueItem(String code, String name, boolean required) {
}
