package nl.steunpunt.buddy.ui.config;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import nl.steunpunt.buddy.shared.RetryLaterException;

/**
 * Failed asynchronous event listeners: expected "not yet" cases quietly, everything else as an error.
 * <p>
 * A "not yet" (a VOG registered before its selection process waits for it, a step one transaction ahead of its
 * process) is usually a matter of milliseconds: such an event is delivered again soon, after
 * {@link #SOON} (only its own publication, from the registry), before the regular redelivery of everything
 * incomplete (every 15 s, for events at least 10 s old) takes over.
 */
@Configuration(proxyBeanMethods = false)
class AsyncConfiguration implements AsyncConfigurer {

    /** When an event that came too early is delivered again, counted from its first "not yet". */
    static final List<Duration> SOON = List.of(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(3));
    private static final Duration FORGET_AFTER = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(AsyncConfiguration.class);

    private final ThreadPoolTaskExecutor applicationTaskExecutor;
    private final IncompleteEventPublications incomplete;
    private final TaskScheduler scheduler;
    /** Events with redeliveries scheduled, and when the first was: one series per event. */
    private final Map<Object, Instant> scheduled = new ConcurrentHashMap<>();

    AsyncConfiguration(@Qualifier("applicationTaskExecutor") ThreadPoolTaskExecutor applicationTaskExecutor,
            IncompleteEventPublications incomplete, TaskScheduler scheduler) {
        this.applicationTaskExecutor = applicationTaskExecutor;
        this.incomplete = incomplete;
        this.scheduler = scheduler;
    }

    /** Spring Boot's bounded pool (spring.task.execution.*), not an unbounded thread per call. */
    @Override
    public Executor getAsyncExecutor() {
        return applicationTaskExecutor;
    }

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return (error, method, params) -> {
            if (error instanceof RetryLaterException) {
                log.info("{}; the event will be delivered again", error.getMessage());
                if (params.length == 1 && params[0] != null) {
                    deliverAgainSoon(params[0]);
                }
            } else {
                log.error("Event listener {} failed; the event will be delivered again", method, error);
            }
        };
    }

    /** Schedules the event's own publication to be delivered again {@link #SOON}, once per event. */
    void deliverAgainSoon(Object event) {
        Instant now = Instant.now();
        scheduled.values().removeIf(first -> first.isBefore(now.minus(FORGET_AFTER)));
        if (scheduled.putIfAbsent(event, now) != null) {
            return;
        }
        for (Duration delay : SOON) {
            scheduler.schedule(() -> redeliver(event), now.plus(delay));
        }
    }

    private void redeliver(Object event) {
        try {
            incomplete.resubmitIncompletePublications(publication -> event.equals(publication.getEvent()));
        } catch (RuntimeException e) {
            log.warn("Delivering an early event again failed; the regular redelivery takes it: {}", e.toString());
        }
    }
}
