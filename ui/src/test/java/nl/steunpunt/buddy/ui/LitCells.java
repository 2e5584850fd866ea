package nl.steunpunt.buddy.ui;

import java.lang.reflect.Field;
import java.util.Map;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.SerializableBiConsumer;

import elemental.json.Json;
import elemental.json.JsonArray;

/**
 * A grid cell drawn by a {@link LitRenderer}, as a test sees it: the values its template gets for a row, and
 * a press on one of its buttons — the function the browser calls through the renderer's return channel
 * with the row's key. Karibu has no such press, so the renderer's registered functions are read.
 */
public final class LitCells {

    private LitCells() {
    }

    /** The value the template reads as {@code item.<property>} in this row of this column. */
    public static <T> Object property(Grid<T> grid, int row, String columnKey, String property) {
        LitRenderer<T> renderer = renderer(grid, columnKey);
        if (!renderer.getValueProviders().containsKey(property)) {
            throw new AssertionError("column '" + columnKey + "' has no property '" + property + "': " + renderer.getValueProviders().keySet());
        }
        return renderer.getValueProviders().get(property).apply(GridKt._get(grid, row));
    }

    /** What a click on the template's element with {@code @click="${function}"} in this row does on the server. */
    public static <T> void call(Grid<T> grid, int row, String columnKey, String function) {
        T item = GridKt._get(grid, row);
        SerializableBiConsumer<T, JsonArray> callable = functions(renderer(grid, columnKey)).get(function);
        if (callable == null) {
            throw new AssertionError("column '" + columnKey + "' has no function '" + function + "'");
        }
        callable.accept(item, Json.createArray());
    }

    @SuppressWarnings("unchecked")
    private static <T> LitRenderer<T> renderer(Grid<T> grid, String columnKey) {
        Grid.Column<T> column = grid.getColumnByKey(columnKey);
        if (column == null || !(column.getRenderer() instanceof LitRenderer<?>)) {
            throw new AssertionError("column '" + columnKey + "' is not drawn by a LitRenderer");
        }
        return (LitRenderer<T>) column.getRenderer();
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, SerializableBiConsumer<T, JsonArray>> functions(LitRenderer<T> renderer) {
        try {
            Field field = LitRenderer.class.getDeclaredField("clientCallables");
            field.setAccessible(true);
            return (Map<String, SerializableBiConsumer<T, JsonArray>>) field.get(renderer);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("LitRenderer keeps its functions elsewhere in this Vaadin version", e);
        }
    }
}
