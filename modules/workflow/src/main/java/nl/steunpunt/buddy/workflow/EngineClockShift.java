package nl.steunpunt.buddy.workflow;

import java.time.Duration;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Only where the demo is enabled ({@code buddy.demo.enabled}): sets the engine's clock an offset away
 * from real time, and back, so that the demo can start cases in the past the way the tests move their
 * clock. The application's own {@link java.time.Clock} is the caller's to move alongside, so that the
 * modules' dates and the engine's agree. Never present in production.
 */
@Component
@ConditionalOnProperty(name = "buddy.demo.enabled", havingValue = "true")
public class EngineClockShift {

    /** From now on the engine's clock runs {@code offset} from real time (negative: in the past). */
    public void shift(Duration offset) {
        ClockUtil.offset(offset.toMillis());
    }

    /** The engine's clock runs on real time again. */
    public void reset() {
        ClockUtil.reset();
    }
}
