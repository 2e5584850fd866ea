package nl.steunpunt.buddy.workflow;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a case's timeline.
 *
 * @param kind   what happened
 * @param key    the BPMN element ID for activities (screens translate it), empty for notes
 * @param label  the Dutch label from the model, or the note text
 * @param actor  who did it, when known
 */
public record CaseEvent(Instant at, Kind kind, String key, String label, Optional<String> actor) {

    public enum Kind {
        STARTED, TASK_CREATED, TASK_COMPLETED, ASSIGNED, STEP_DONE, ENDED, NOTE
    }
}
