package nl.steunpunt.buddy.workflow.internal;

import java.time.Duration;
import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadlines of hulpvraag en koppeling, each overridable per region: intake in 3 working days, the
 * buddy's answer within 3 days, first contact within 48 hours, introduction within 2 weeks, and the
 * waiting list looked at again every week.
 */
@ConfigurationProperties("buddy.matching")
public record MatchingSettings(
        @DefaultValue("3") int intakeWorkingDays,
        @DefaultValue("P3D") Duration answerPeriod,
        @DefaultValue("PT48H") Duration firstContactPeriod,
        @DefaultValue("P14D") Period introductionPeriod,
        @DefaultValue("P7D") Period reevaluationPeriod,
        Map<String, RegionOverride> regions) {

    public MatchingSettings {
        regions = regions == null ? Map.of() : Map.copyOf(regions);
    }

    /** Region-specific values; an absent value falls back to the general one. */
    public record RegionOverride(Integer intakeWorkingDays, Duration answerPeriod, Duration firstContactPeriod,
            Period introductionPeriod, Period reevaluationPeriod) {
    }

    int intakeWorkingDays(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::intakeWorkingDays, intakeWorkingDays);
    }

    Duration answerPeriod(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::answerPeriod, answerPeriod);
    }

    Duration firstContactPeriod(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::firstContactPeriod, firstContactPeriod);
    }

    Period introductionPeriod(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::introductionPeriod, introductionPeriod);
    }

    Period reevaluationPeriod(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::reevaluationPeriod, reevaluationPeriod);
    }
}
