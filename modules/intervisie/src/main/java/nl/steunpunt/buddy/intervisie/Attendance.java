package nl.steunpunt.buddy.intervisie;

/**
 * A member at a held session. Only {@link #ABSENT} (away without letting know) counts for the
 * missed-twice rule: an excused member told the facilitator beforehand.
 */
public enum Attendance {
    PRESENT,
    ABSENT,
    EXCUSED
}
