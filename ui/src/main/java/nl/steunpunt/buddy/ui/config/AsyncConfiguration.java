package nl.steunpunt.buddy.ui.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.Executor;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import nl.steunpunt.buddy.shared.RetryLaterException;

/** Failed asynchronous event listeners: expected "not yet" cases quietly, everything else as an error. */
@Configuration(proxyBeanMethods = false)
class AsyncConfiguration implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AsyncConfiguration.class);

    private final ThreadPoolTaskExecutor applicationTaskExecutor;

    AsyncConfiguration(@Qualifier("applicationTaskExecutor") ThreadPoolTaskExecutor applicationTaskExecutor) {
        this.applicationTaskExecutor = applicationTaskExecutor;
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
            } else {
                log.error("Event listener {} failed; the event will be delivered again", method, error);
            }
        };
    }
}
