package nl.steunpunt.buddy.workflow.internal;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Deadlines of a buddy's offboarding, in working days; each can be overridden per region. */
@ConfigurationProperties("buddy.offboarding")
public record OffboardingSettings(
        @DefaultValue("10") int exitConversationWorkingDays,
        @DefaultValue("5") int handOverWorkingDays,
        Map<String, RegionOverride> regions) {

    public OffboardingSettings {
        regions = regions == null ? Map.of() : Map.copyOf(regions);
    }

    /** Region-specific values; an absent value falls back to the general one. */
    public record RegionOverride(Integer exitConversationWorkingDays, Integer handOverWorkingDays) {
    }

    int exitConversationWorkingDays(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::exitConversationWorkingDays, exitConversationWorkingDays);
    }

    int handOverWorkingDays(String region) {
        return RegionSetting.value(regions.get(region), RegionOverride::handOverWorkingDays, handOverWorkingDays);
    }
}
