package nl.steunpunt.buddy.notification;

/**
 * The e-mails applicants, requesters and buddies can receive. Every template uses the values {@code name} (first name)
 * and {@code reference} (the application's reference, e.g. {@code AANM-2026-0001}); some need more,
 * as noted per constant.
 */
public enum MailTemplate {

    /** Confirms that the application arrived. */
    APPLICATION_RECEIVED,

    /** Invites to the intake interview; also needs {@code date}, {@code time} and {@code place}. */
    INTAKE_INVITATION,

    /** The applicant is selected as a buddy. */
    DECISION_SELECTED,

    /** The applicant is not selected; also needs {@code reason}. */
    DECISION_NOT_SELECTED,

    /** The decision is postponed; also needs {@code reason}. */
    DECISION_ON_HOLD,

    /** Asks for a certificate of conduct (VOG). */
    VOG_REQUEST,

    /** Reminds that the certificate of conduct (VOG) has not been seen yet. */
    VOG_REMINDER,

    /** Confirms that the application was withdrawn. */
    APPLICATION_WITHDRAWN,

    /**
     * Confirms a parent's help request; {@code name} is how the requester is addressed, and it also
     * needs {@code withdrawLink} (the personal link to withdraw the request).
     */
    HELP_REQUEST_RECEIVED,

    /** Confirms a young person's help request, in words for them; needs {@code withdrawLink} too. */
    HELP_REQUEST_RECEIVED_YOUTH,

    /** Tells a buddy a request awaits her answer (no details of the requester); also needs {@code link}. */
    PROPOSAL_FOR_BUDDY,

    /** Reminds a buddy to make first contact; also needs {@code link}. */
    FIRST_CONTACT_REMINDER,

    /**
     * Invites a member to an intervisie or exchange session; {@code reference} is the group's, and it
     * also needs {@code group}, {@code date}, {@code time} and {@code place}.
     */
    INTERVISIE_INVITATION,

    /** A session of the member's group was moved; needs what {@link #INTERVISIE_INVITATION} needs (the new date). */
    INTERVISIE_MOVED,

    /** A session of the member's group was cancelled; needs what {@link #INTERVISIE_INVITATION} needs (the old date). */
    INTERVISIE_CANCELLED,

    /** Asks a requester to evaluate the support through a personal link; also needs {@code link} and {@code expiresOn}. */
    PARENT_EVALUATION_LINK,

    /** Reminds a requester of the evaluation, with a personal link; also needs {@code link} and {@code expiresOn}. */
    PARENT_EVALUATION_REMINDER;

    /** Whether the mail goes to a requester (parent or young person), whose data is anonymised after closure. */
    public boolean toRequester() {
        return this == HELP_REQUEST_RECEIVED || this == HELP_REQUEST_RECEIVED_YOUTH || this == PARENT_EVALUATION_LINK
                || this == PARENT_EVALUATION_REMINDER;
    }
}
