package nl.steunpunt.buddy.intervisie;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of intervisie, each overridable per region: sessions 6 to 8 weeks apart; a group of 8
 * to 12 buddies is the norm (outside it the planner warns); fewer than 3 or more than 15 is refused,
 * as is an exchange series of more than 60 buddies.
 */
@ConfigurationProperties("buddy.intervisie")
public record IntervisieRules(
        @DefaultValue("6") int minWeeksBetween,
        @DefaultValue("8") int maxWeeksBetween,
        @DefaultValue("3") int minMembers,
        @DefaultValue("15") int maxMembers,
        @DefaultValue("8") int normMinMembers,
        @DefaultValue("12") int normMaxMembers,
        @DefaultValue("60") int maxExchangeMembers,
        Map<String, RegionOverride> regions) {

    public IntervisieRules {
        regions = regions == null ? Map.of() : Map.copyOf(regions);
    }

    /** Region-specific values; an absent value falls back to the general one. */
    public record RegionOverride(Integer minWeeksBetween, Integer maxWeeksBetween, Integer minMembers, Integer maxMembers,
            Integer normMinMembers, Integer normMaxMembers, Integer maxExchangeMembers) {
    }

    /** The rules as they apply in one region. */
    public record Applied(int minWeeksBetween, int maxWeeksBetween, int minMembers, int maxMembers, int normMinMembers,
            int normMaxMembers, int maxExchangeMembers) {

        /** The smallest and largest group allowed for this kind. */
        public int min(SessionKind kind) {
            return minMembers;
        }

        public int max(SessionKind kind) {
            return kind == SessionKind.INTERVISIE ? maxMembers : maxExchangeMembers;
        }

        /** Whether an intervisie group of this size is outside the norm (allowed, but the planner warns). */
        public boolean outsideNorm(SessionKind kind, int size) {
            return kind == SessionKind.INTERVISIE && (size < normMinMembers || size > normMaxMembers);
        }
    }

    public Applied in(String region) {
        RegionOverride o = regions.get(region);
        return new Applied(value(o == null ? null : o.minWeeksBetween(), minWeeksBetween),
                value(o == null ? null : o.maxWeeksBetween(), maxWeeksBetween), value(o == null ? null : o.minMembers(), minMembers),
                value(o == null ? null : o.maxMembers(), maxMembers), value(o == null ? null : o.normMinMembers(), normMinMembers),
                value(o == null ? null : o.normMaxMembers(), normMaxMembers),
                value(o == null ? null : o.maxExchangeMembers(), maxExchangeMembers));
    }

    private static int value(Integer override, int fallback) {
        return override == null ? fallback : override;
    }
}
