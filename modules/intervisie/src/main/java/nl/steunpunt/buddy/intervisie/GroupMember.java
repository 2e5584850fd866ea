package nl.steunpunt.buddy.intervisie;

import nl.steunpunt.buddy.recruitment.ApplicationId;

/** A buddy in (or available for) a group: her buddy record and her name. */
public record GroupMember(ApplicationId buddy, String name) {
}
