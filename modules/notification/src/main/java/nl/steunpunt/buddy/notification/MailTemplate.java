package nl.steunpunt.buddy.notification;

/**
 * The e-mails an applicant can receive. Every template uses the values {@code name} (first name)
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
    APPLICATION_WITHDRAWN
}
