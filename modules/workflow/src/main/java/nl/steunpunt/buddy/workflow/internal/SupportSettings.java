package nl.steunpunt.buddy.workflow.internal;

import java.time.Duration;
import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rhythm of begeleiding, each overridable per region: the first check-in after 2 weeks, then every 6
 * weeks, each due in 5 working days; a concern discussed within 1 working day; the review after 6
 * months, due in 10 working days; extensions of 3 months, at most 2; the buddy reminded 2 days
 * before a school meeting and asked for her follow-up within 3 days after it.
 */
@ConfigurationProperties("buddy.support")
public record SupportSettings(
        @DefaultValue("P14D") Period firstCheckIn,
        @DefaultValue("P42D") Period checkInInterval,
        @DefaultValue("5") int checkInWorkingDays,
        @DefaultValue("1") int concernWorkingDays,
        @DefaultValue("P6M") Period reviewPeriod,
        @DefaultValue("10") int reviewWorkingDays,
        @DefaultValue("P3M") Period extensionPeriod,
        @DefaultValue("2") int maxExtensions,
        @DefaultValue("P2D") Duration prepareBefore,
        @DefaultValue("P3D") Duration followUpPeriod,
        Map<String, RegionOverride> regions) {

    public SupportSettings {
        regions = regions == null ? Map.of() : Map.copyOf(regions);
    }

    /** Region-specific values; an absent value falls back to the general one. */
    public record RegionOverride(Period firstCheckIn, Period checkInInterval, Integer checkInWorkingDays, Integer concernWorkingDays,
            Period reviewPeriod, Integer reviewWorkingDays, Period extensionPeriod, Integer maxExtensions, Duration prepareBefore,
            Duration followUpPeriod) {
    }

    Period firstCheckIn(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::firstCheckIn, firstCheckIn);
    }

    Period checkInInterval(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::checkInInterval, checkInInterval);
    }

    int checkInWorkingDays(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::checkInWorkingDays, checkInWorkingDays);
    }

    int concernWorkingDays(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::concernWorkingDays, concernWorkingDays);
    }

    Period reviewPeriod(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::reviewPeriod, reviewPeriod);
    }

    int reviewWorkingDays(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::reviewWorkingDays, reviewWorkingDays);
    }

    Period extensionPeriod(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::extensionPeriod, extensionPeriod);
    }

    int maxExtensions(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::maxExtensions, maxExtensions);
    }

    Duration prepareBefore(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::prepareBefore, prepareBefore);
    }

    Duration followUpPeriod(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::followUpPeriod, followUpPeriod);
    }
}
