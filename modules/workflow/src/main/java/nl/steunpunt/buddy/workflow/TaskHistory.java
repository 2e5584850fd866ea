package nl.steunpunt.buddy.workflow;

import java.util.function.Consumer;

/**
 * The user tasks the engine's history remembers, as {@link TaskChanged} snapshots, for rebuilding a
 * read model; page by page, oldest first.
 */
public interface TaskHistory {

    void replay(Consumer<TaskChanged> sink);
}
