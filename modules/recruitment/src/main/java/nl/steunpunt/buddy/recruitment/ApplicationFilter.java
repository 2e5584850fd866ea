package nl.steunpunt.buddy.recruitment;

import java.util.Optional;

import nl.steunpunt.buddy.shared.RegionCode;

/** Filters of the applications list; always narrowed to the acting coordinator's regions. */
public record ApplicationFilter(Optional<ApplicationStatus> status, Optional<RegionCode> region, boolean openOnly,
        Optional<String> text) {

    public static ApplicationFilter all() {
        return new ApplicationFilter(Optional.empty(), Optional.empty(), false, Optional.empty());
    }

    public static ApplicationFilter open() {
        return new ApplicationFilter(Optional.empty(), Optional.empty(), true, Optional.empty());
    }
}
