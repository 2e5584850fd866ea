package nl.steunpunt.buddy.intervisie;

/** What a group meets for: intervisie (every 6–8 weeks, the missed-twice rule) or exchange meetings. */
public enum SessionKind {
    INTERVISIE,
    EXCHANGE
}
