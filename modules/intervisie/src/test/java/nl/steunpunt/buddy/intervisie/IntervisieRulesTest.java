package nl.steunpunt.buddy.intervisie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The rules of intervisie per region, without a database. */
class IntervisieRulesTest {

    private final IntervisieRules rules = new IntervisieRules(6, 8, 3, 15, 8, 12, 60,
            Map.of("VO-2606", new IntervisieRules.RegionOverride(5, 10, null, null, 6, null, null)));

    @Test
    void a_region_without_overrides_follows_the_general_rules() {
        IntervisieRules.Applied applied = rules.in("PO-2605");

        assertThat(applied.minWeeksBetween()).isEqualTo(6);
        assertThat(applied.maxWeeksBetween()).isEqualTo(8);
        assertThat(applied.min(SessionKind.INTERVISIE)).isEqualTo(3);
        assertThat(applied.max(SessionKind.INTERVISIE)).isEqualTo(15);
        assertThat(applied.max(SessionKind.EXCHANGE)).isEqualTo(60);
    }

    @Test
    void a_region_overrides_only_what_it_names() {
        IntervisieRules.Applied applied = rules.in("VO-2606");

        assertThat(applied.minWeeksBetween()).isEqualTo(5);
        assertThat(applied.maxWeeksBetween()).isEqualTo(10);
        assertThat(applied.normMinMembers()).isEqualTo(6);
        assertThat(applied.normMaxMembers()).isEqualTo(12);
        assertThat(applied.minMembers()).isEqualTo(3);
    }

    @Test
    void an_intervisie_group_outside_eight_to_twelve_is_outside_the_norm_and_an_exchange_series_never() {
        IntervisieRules.Applied applied = rules.in("PO-2605");

        assertThat(applied.outsideNorm(SessionKind.INTERVISIE, 7)).isTrue();
        assertThat(applied.outsideNorm(SessionKind.INTERVISIE, 8)).isFalse();
        assertThat(applied.outsideNorm(SessionKind.INTERVISIE, 12)).isFalse();
        assertThat(applied.outsideNorm(SessionKind.INTERVISIE, 13)).isTrue();
        assertThat(applied.outsideNorm(SessionKind.EXCHANGE, 40)).isFalse();
    }
}
