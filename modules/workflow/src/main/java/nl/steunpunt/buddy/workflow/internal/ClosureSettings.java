package nl.steunpunt.buddy.workflow.internal;

import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Periods of afsluiting, each overridable per region: personal data anonymised twelve months after
 * the closure, the parent reminded of the evaluation after three weeks and the link expiring after
 * six, the buddy's evaluation lapsing after four weeks (due after two), the closing conversation
 * and the appreciation due within ten working days.
 */
@ConfigurationProperties("buddy.closure")
public record ClosureSettings(
        @DefaultValue("P12M") Period retentionPeriod,
        @DefaultValue("P21D") Period evaluationReminderPeriod,
        @DefaultValue("P42D") Period evaluationLinkPeriod,
        @DefaultValue("P28D") Period buddyEvaluationPeriod,
        @DefaultValue("P14D") Period buddyEvaluationDuePeriod,
        @DefaultValue("10") int closingConversationWorkingDays,
        @DefaultValue("10") int appreciationWorkingDays,
        Map<String, RegionOverride> regions) {

    public ClosureSettings {
        regions = regions == null ? Map.of() : Map.copyOf(regions);
    }

    /** Region-specific values; an absent value falls back to the general one. */
    public record RegionOverride(Period retentionPeriod, Period evaluationReminderPeriod, Period evaluationLinkPeriod,
            Period buddyEvaluationPeriod, Period buddyEvaluationDuePeriod, Integer closingConversationWorkingDays,
            Integer appreciationWorkingDays) {
    }

    Period retentionPeriod(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::retentionPeriod, retentionPeriod);
    }

    Period evaluationReminderPeriod(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::evaluationReminderPeriod, evaluationReminderPeriod);
    }

    Period evaluationLinkPeriod(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::evaluationLinkPeriod, evaluationLinkPeriod);
    }

    Period buddyEvaluationPeriod(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::buddyEvaluationPeriod, buddyEvaluationPeriod);
    }

    Period buddyEvaluationDuePeriod(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::buddyEvaluationDuePeriod, buddyEvaluationDuePeriod);
    }

    int closingConversationWorkingDays(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::closingConversationWorkingDays, closingConversationWorkingDays);
    }

    int appreciationWorkingDays(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::appreciationWorkingDays, appreciationWorkingDays);
    }
}
