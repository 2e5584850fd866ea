package nl.steunpunt.buddy.workflow.internal;

import org.springframework.context.ApplicationContext;

/** Lets application tests rebuild the workflow's task read model as start-up does (after writing engine rows by SQL). */
public final class TaskReadModelAccess {

    private TaskReadModelAccess() {
    }

    /** Rebuilds the read model from the engine's tables; returns the rows written. */
    public static int rebuild(ApplicationContext context) {
        return context.getBean(TaskReadModel.class).rebuild();
    }
}
