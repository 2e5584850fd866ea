package nl.steunpunt.buddy.workflow.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadlines of the intervisie cycle, each overridable per region: the next session planned within
 * 14 days, a held session recorded within 3 days, and the coordinator's check-in with buddies who
 * missed twice within 5 working days.
 */
@ConfigurationProperties("buddy.intervisie")
public record IntervisieSettings(
        @DefaultValue("P14D") Duration planningPeriod,
        @DefaultValue("P3D") Duration recordPeriod,
        @DefaultValue("5") int checkInWorkingDays,
        Map<String, RegionOverride> regions) {

    public IntervisieSettings {
        regions = regions == null ? Map.of() : Map.copyOf(regions);
    }

    /** Region-specific values; an absent value falls back to the general one. */
    public record RegionOverride(Duration planningPeriod, Duration recordPeriod, Integer checkInWorkingDays) {
    }

    Duration planningPeriod(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::planningPeriod, planningPeriod);
    }

    Duration recordPeriod(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::recordPeriod, recordPeriod);
    }

    int checkInWorkingDays(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::checkInWorkingDays, checkInWorkingDays);
    }
}
