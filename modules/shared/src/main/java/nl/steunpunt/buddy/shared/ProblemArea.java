package nl.steunpunt.buddy.shared;

/** Problem areas a child can get stuck on at school; used by applications, help requests and matching. */
public enum ProblemArea {
    THUISZITTER,
    SCHORSING_VERWIJDERING,
    ONDERSTEUNINGSBEHOEFTE,
    OPP,
    TLV_PLAATSING,
    HOOGBEGAAFDHEID,
    AUTISME,
    ADHD,
    DYSLEXIE,
    ANDERS
}
