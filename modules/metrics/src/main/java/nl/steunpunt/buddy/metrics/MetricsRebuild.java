package nl.steunpunt.buddy.metrics;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.metrics.internal.MetricsRollups;
import nl.steunpunt.buddy.metrics.internal.ReadModel;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.workflow.TaskHistory;

/**
 * Empties the metrics read model and fills it again: the lifecycles from the modules' tables, the
 * tasks from the engine's history, then its monthly roll-ups. In one transaction, so the dashboard never sees
 * it half full.
 * For an administrator, e.g. after a new figure was added to the model.
 */
@Service
public class MetricsRebuild {

    private final ReadModel model;
    private final MetricsRollups rollups;
    private final TaskHistory taskHistory;
    private final CurrentActor currentActor;

    MetricsRebuild(ReadModel model, MetricsRollups rollups, TaskHistory taskHistory, CurrentActor currentActor) {
        this.model = model;
        this.rollups = rollups;
        this.taskHistory = taskHistory;
        this.currentActor = currentActor;
    }

    @Transactional
    public void rebuild() {
        if (!currentActor.require().hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("error.access.other-region");
        }
        model.rebuildFromModules();
        taskHistory.replay(model::task);
        rollups.rebuild();
    }
}
