package nl.steunpunt.buddy.recruitment;

/** The competences of a buddy, from the research behind the programme (DOMAIN.md). */
public enum Competence {
    GOED_LUISTEREN,
    REFLECTEREN,
    INLEVEN,
    SAMENWERKEN,
    AANSLUITEN_BIJ_HULPVRAAG,
    GEVOEL_VOOR_WAT_MOGELIJK_IS
}
