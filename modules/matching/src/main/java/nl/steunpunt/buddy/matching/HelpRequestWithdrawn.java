package nl.steunpunt.buddy.matching;

/** The requester withdrew the request. */
public record HelpRequestWithdrawn(HelpRequestId request, String reference) {
}
