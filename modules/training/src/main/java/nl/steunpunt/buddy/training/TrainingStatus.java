package nl.steunpunt.buddy.training;

/** Where a buddy stands in scholing. */
public enum TrainingStatus {
    /** Enrolled; attending the modules or waiting for sign-off. */
    IN_TRAINING,
    /** All competences met and VOG valid: available for matching. */
    CERTIFIED,
    /** The yearly refresher was missed: unavailable for matching until re-certified. */
    EXPIRED
}
