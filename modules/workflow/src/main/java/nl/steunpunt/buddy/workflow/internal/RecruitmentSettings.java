package nl.steunpunt.buddy.workflow.internal;

import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadlines of werving en selectie (DOMAIN.md defaults). Each can be overridden per region under
 * {@code buddy.recruitment.regions.<code>.*}.
 */
@ConfigurationProperties("buddy.recruitment")
public record RecruitmentSettings(
        @DefaultValue("5") int screeningWorkingDays,
        @DefaultValue("1") int screeningEscalationWorkingDays,
        @DefaultValue("10") int intakeWorkingDays,
        @DefaultValue("5") int decisionWorkingDays,
        @DefaultValue("P28D") Period onHoldPeriod,
        @DefaultValue("P14D") Period vogReminderPeriod,
        @DefaultValue("P42D") Period vogEscalationPeriod,
        Map<String, RegionOverride> regions) {

    public RecruitmentSettings {
        regions = regions == null ? Map.of() : Map.copyOf(regions);
    }

    /** Region-specific values; an absent value falls back to the general one. */
    public record RegionOverride(Integer screeningWorkingDays, Integer screeningEscalationWorkingDays,
            Integer intakeWorkingDays, Integer decisionWorkingDays, Period onHoldPeriod, Period vogReminderPeriod,
            Period vogEscalationPeriod) {
    }

    int screeningEscalationWorkingDays(String region) {
        return value(region, RegionOverride::screeningEscalationWorkingDays, screeningEscalationWorkingDays);
    }

    Period vogReminderPeriod(String region) {
        return value(region, RegionOverride::vogReminderPeriod, vogReminderPeriod);
    }

    Period vogEscalationPeriod(String region) {
        return value(region, RegionOverride::vogEscalationPeriod, vogEscalationPeriod);
    }

    int screeningWorkingDays(String region) {
        return value(region, RegionOverride::screeningWorkingDays, screeningWorkingDays);
    }

    int intakeWorkingDays(String region) {
        return value(region, RegionOverride::intakeWorkingDays, intakeWorkingDays);
    }

    int decisionWorkingDays(String region) {
        return value(region, RegionOverride::decisionWorkingDays, decisionWorkingDays);
    }

    Period onHoldPeriod(String region) {
        return value(region, RegionOverride::onHoldPeriod, onHoldPeriod);
    }

    private <T> T value(String region, java.util.function.Function<RegionOverride, T> getter, T fallback) {
        return RegionSetting.value(regions.get(region), getter, fallback);
    }
}
