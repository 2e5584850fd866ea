package nl.steunpunt.buddy.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ActorTest {

    private final RegionCode utrecht = new RegionCode("PO-2605");
    private final RegionCode eemland = new RegionCode("VO-2606");

    @Test
    void candidate_groups_are_each_role_in_each_region() {
        Actor actor = new Actor("sanne", "Sanne", Set.of(Role.COORDINATOR, Role.TRAINER), Set.of(utrecht, eemland));

        assertThat(actor.candidateGroups()).containsExactlyInAnyOrder(
                "coordinator-PO-2605", "coordinator-VO-2606", "trainer-PO-2605", "trainer-VO-2606");
    }

    @Test
    void an_actor_without_regions_has_no_candidate_groups() {
        assertThat(new Actor("x", "X", Set.of(Role.COORDINATOR), Set.of()).candidateGroups()).isEmpty();
    }

    @Test
    void a_role_counts_only_in_the_actors_own_regions() {
        Actor actor = new Actor("sanne", "Sanne", Set.of(Role.COORDINATOR), Set.of(utrecht));

        assertThat(actor.hasRoleIn(Role.COORDINATOR, utrecht)).isTrue();
        assertThat(actor.hasRoleIn(Role.COORDINATOR, eemland)).isFalse();
        assertThat(actor.hasRoleIn(Role.TRAINER, utrecht)).isFalse();
    }

    @Test
    void region_codes_are_normalised_and_validated() {
        assertThat(RegionCode.of(" po-2605 ")).isEqualTo(utrecht);
        assertThatThrownBy(() -> RegionCode.of("PO 2605; DROP")).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("error.region.code.invalid");
    }
}
