package nl.steunpunt.buddy.matching;

import nl.steunpunt.buddy.shared.RegionCode;

/** A help request came in (public form or registered by a coordinator). */
public record HelpRequested(HelpRequestId request, String reference, RegionCode region) {
}
