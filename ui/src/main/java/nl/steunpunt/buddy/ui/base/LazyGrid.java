package nl.steunpunt.buddy.ui.base;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridArrayUpdater;
import com.vaadin.flow.data.provider.CompositeDataGenerator;
import com.vaadin.flow.data.provider.DataCommunicator;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.function.ValueProvider;

/**
 * A grid for lists loaded page by page from the database, which can change between two requests of
 * the browser. Vaadin's data communicator (Flow 24.9) fails with an {@link IndexOutOfBoundsException}
 * in {@code collectKeysToFlush} (vaadin/flow#19503, open) when it holds no rows and the browser asks for
 * rows that start beyond the end of the list it knew: a list that shrank, to nothing or to less than the
 * page she had scrolled to, while her request was on its way (a colleague's claim, a task completed). The
 * user then saw "something went wrong". Here such a request is answered from the list's last rows
 * instead; the browser asks again for what it shows.
 */
public class LazyGrid<T> extends Grid<T> {

    private static final int PAGE_SIZE = 50;

    public LazyGrid() {
        super(PAGE_SIZE, new Builder<>());
    }

    private static final class Builder<T> extends DataCommunicatorBuilder<T, GridArrayUpdater> {

        @Override
        protected DataCommunicator<T> build(Element element, CompositeDataGenerator<T> dataGenerator, GridArrayUpdater arrayUpdater,
                SerializableSupplier<ValueProvider<T, String>> uniqueKeyProviderSupplier) {
            return new Communicator<>(element, dataGenerator, arrayUpdater);
        }
    }

    /** Grid's own data communicator, with requests beyond the known end of the list moved back onto it. */
    static final class Communicator<T> extends DataCommunicator<T> {

        Communicator(Element element, CompositeDataGenerator<T> dataGenerator, GridArrayUpdater arrayUpdater) {
            super(dataGenerator, arrayUpdater, data -> element.callJsFunction("$connector.updateFlatData", data), element.getNode());
        }

        @Override
        public void setViewportRange(int start, int length) {
            // only a request past the first row asks for the known length (with a defined size that can be a count query)
            int known = start > 0 ? getItemCount() : 0;
            super.setViewportRange(start > 0 && start >= known ? Math.max(0, known - length) : start, length);
        }
    }
}
