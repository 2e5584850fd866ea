package nl.steunpunt.buddy.matching;

/** How a help request reached us. */
public enum Channel {
    FORM, PHONE, OUDERCAFE, OTHER
}
