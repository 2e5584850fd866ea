package nl.steunpunt.buddy.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every rule of the selection advice, and its edges. */
class SelectionAdviceTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final DmnDecision decision = parse();

    @ParameterizedTest(name = "{0} insufficient, {1} doubt -> {2} ({3})")
    @CsvSource({
            "2, 0, NOT_SELECTED, MULTIPLE_INSUFFICIENT",
            "6, 0, NOT_SELECTED, MULTIPLE_INSUFFICIENT",
            "3, 3, NOT_SELECTED, MULTIPLE_INSUFFICIENT",
            "1, 0, ON_HOLD, ONE_INSUFFICIENT",
            "1, 5, ON_HOLD, ONE_INSUFFICIENT",
            "0, 3, ON_HOLD, MANY_DOUBTS",
            "0, 6, ON_HOLD, MANY_DOUBTS",
            "0, 2, SELECTED, SUFFICIENT",
            "0, 0, SELECTED, SUFFICIENT" })
    void advises_by_the_number_of_insufficient_and_doubtful_competences(int insufficient, int doubt, String advice, String reason) {
        DmnDecisionRuleResult result = evaluate(insufficient, doubt);

        assertThat((String) result.get(SelectionAdvice.OUTPUT_DECISION)).isEqualTo(advice);
        assertThat((String) result.get(SelectionAdvice.OUTPUT_REASON)).isEqualTo(reason);
    }

    @Test
    void the_table_has_the_four_rules_that_the_cases_above_cover() {
        var table = decision.getDecisionLogic();
        assertThat(((org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl) table).getRules()).hasSize(4);
    }

    @Test
    void a_negative_count_matches_no_rule() {
        assertThat(DMN.evaluateDecisionTable(decision, Map.of(SelectionAdvice.INSUFFICIENT_COUNT, -1,
                SelectionAdvice.DOUBT_COUNT, 0)).getResultList()).isEmpty();
    }

    @Test
    void a_missing_count_gives_no_advice_at_all() {
        assertThat(DMN.evaluateDecisionTable(decision, java.util.Collections.singletonMap(SelectionAdvice.INSUFFICIENT_COUNT, null))
                .getResultList()).isEmpty();
    }

    private DmnDecisionRuleResult evaluate(int insufficient, int doubt) {
        return DMN.evaluateDecisionTable(decision, Map.of(SelectionAdvice.INSUFFICIENT_COUNT, insufficient,
                SelectionAdvice.DOUBT_COUNT, doubt)).getSingleResult();
    }

    private static DmnDecision parse() {
        InputStream in = SelectionAdviceTest.class.getClassLoader().getResourceAsStream("processes/SelectionAdvice.dmn");
        assertThat(in).isNotNull();
        return DMN.parseDecision(SelectionAdvice.DECISION_ID, in);
    }
}
