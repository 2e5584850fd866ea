package nl.steunpunt.buddy.matching;

import nl.steunpunt.buddy.recruitment.ApplicationId;

/** A buddy who may not take a request, with the hard rule she breaks. */
public record ExcludedBuddy(ApplicationId buddy, String name, HardRule rule) {
}
