package nl.steunpunt.buddy.ui.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import nl.steunpunt.buddy.shared.RetryLaterException;

/**
 * An event whose listener said "not yet" (its process one transaction behind) is delivered again within
 * moments — its own publication only, on a short series of attempts — instead of waiting for the regular
 * redelivery of everything incomplete; any other failure is left to the regular redelivery.
 */
class AsyncConfigurationTest {

    record Early(String id) {
    }

    private record Publication(Object event) implements EventPublication {
        @Override
        public UUID getIdentifier() {
            return UUID.nameUUIDFromBytes(event.toString().getBytes());
        }

        @Override
        public Object getEvent() {
            return event;
        }

        @Override
        public Instant getPublicationDate() {
            return Instant.EPOCH;
        }

        @Override
        public Optional<Instant> getCompletionDate() {
            return Optional.empty();
        }
    }

    /** The registry's incomplete publications, and what was delivered again, when. */
    private final List<Publication> waiting = List.of(new Publication(new Early("a")), new Publication(new Early("b")));
    private final List<Object> delivered = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> deliveredAfterMillis = Collections.synchronizedList(new ArrayList<>());
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private long start;

    @AfterEach
    void stop() {
        scheduler.shutdown();
    }

    @Test
    void an_early_event_is_delivered_again_soon_its_own_publication_only_and_once_per_series() throws Exception {
        AsyncUncaughtExceptionHandler handler = handler();
        Method listener = Object.class.getMethod("toString");

        start = System.nanoTime();
        handler.handleUncaughtException(new RetryLaterException("Selection X is not waiting for the VOG yet"), listener, new Early("a"));
        // its redelivery fails again: no second series on top of the first
        handler.handleUncaughtException(new RetryLaterException("Selection X is not waiting for the VOG yet"), listener, new Early("a"));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() >= AsyncConfiguration.SOON.size());
        Thread.sleep(500);
        assertThat(delivered).as("only the early event's own publication, once per scheduled attempt")
                .hasSize(AsyncConfiguration.SOON.size()).containsOnly(new Early("a"));
        assertThat(deliveredAfterMillis.get(0)).as("the first attempt comes within a second, not after the regular 10-25 s")
                .isLessThan(1000);
    }

    @Test
    void another_failure_is_left_to_the_regular_redelivery() throws Exception {
        AsyncUncaughtExceptionHandler handler = handler();
        start = System.nanoTime();

        handler.handleUncaughtException(new IllegalStateException("database away"), Object.class.getMethod("toString"), new Early("b"));

        Thread.sleep(1500);
        assertThat(delivered).isEmpty();
    }

    private AsyncUncaughtExceptionHandler handler() {
        scheduler.initialize();
        IncompleteEventPublications incomplete = new IncompleteEventPublications() {
            @Override
            public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
                Stream.of(waiting.toArray(Publication[]::new)).filter(filter).forEach(p -> {
                    delivered.add(p.getEvent());
                    deliveredAfterMillis.add((System.nanoTime() - start) / 1_000_000);
                });
            }

            @Override
            public void resubmitIncompletePublicationsOlderThan(Duration age) {
                throw new AssertionError("the regular redelivery is not this handler's");
            }
        };
        return new AsyncConfiguration(new ThreadPoolTaskExecutor(), incomplete, scheduler).getAsyncUncaughtExceptionHandler();
    }
}
