package nl.steunpunt.buddy.shared;

/** School levels of passend onderwijs: primary, secondary, vocational, special (primary/secondary). */
public enum SchoolLevel {
    PO, VO, MBO, SO, VSO
}
