package nl.steunpunt.buddy.matching;

import nl.steunpunt.buddy.recruitment.ApplicationId;

/** A buddy was asked to support a request; she answers in the app. */
public record BuddyProposed(HelpRequestId request, ApplicationId buddy) {
}
