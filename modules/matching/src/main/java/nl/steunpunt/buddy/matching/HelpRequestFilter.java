package nl.steunpunt.buddy.matching;

import java.util.Optional;

import nl.steunpunt.buddy.shared.RegionCode;

/** Filter of the help-request list: status, region, open only, free text on reference or name. */
public record HelpRequestFilter(Optional<HelpRequestStatus> status, Optional<RegionCode> region, boolean openOnly,
        Optional<String> text) {

    public static HelpRequestFilter open() {
        return new HelpRequestFilter(Optional.empty(), Optional.empty(), true, Optional.empty());
    }
}
