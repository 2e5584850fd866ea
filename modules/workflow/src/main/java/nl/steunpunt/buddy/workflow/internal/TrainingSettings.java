package nl.steunpunt.buddy.workflow.internal;

import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadlines of scholing. The refresher period itself belongs to the training track (catalogue);
 * this is how long the engine waits for it. Each can be overridden per region.
 */
@ConfigurationProperties("buddy.training")
public record TrainingSettings(
        @DefaultValue("P42D") Period noProgressPeriod,
        @DefaultValue("10") int signOffWorkingDays,
        @DefaultValue("P1Y") Period refresherPeriod,
        Map<String, RegionOverride> regions) {

    public TrainingSettings {
        regions = regions == null ? Map.of() : Map.copyOf(regions);
    }

    /** Region-specific values; an absent value falls back to the general one. */
    public record RegionOverride(Period noProgressPeriod, Integer signOffWorkingDays, Period refresherPeriod) {
    }

    Period noProgressPeriod(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::noProgressPeriod, noProgressPeriod);
    }

    int signOffWorkingDays(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::signOffWorkingDays, signOffWorkingDays);
    }

    Period refresherPeriod(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::refresherPeriod, refresherPeriod);
    }
}
