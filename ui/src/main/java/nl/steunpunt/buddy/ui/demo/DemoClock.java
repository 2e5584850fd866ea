package nl.steunpunt.buddy.ui.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The application's clock in the demo: real time, except while the demo seeds cases in the past,
 * when it runs an offset behind (together with the engine's clock, see {@link DemoPast}).
 */
@Component
@Primary
@Profile("demo")
class DemoClock extends Clock {

    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;

    DemoClock(@Value("${buddy.time-zone:Europe/Amsterdam}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    void shift(Duration by) {
        offset = by;
    }

    void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return Clock.offset(Clock.system(newZone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
