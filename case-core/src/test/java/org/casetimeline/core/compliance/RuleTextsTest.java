package org.casetimeline.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleTextsTest {

    @Test
    void givenEveryRegisteredCheck_whenItsTextIsAsked_thenThereIsOneInPlainWords() {
        assertThat(ComplianceRules.all()).allSatisfy(rule -> assertThat(RuleTexts.asks(rule.id())).as(rule.id())
                .isNotBlank().doesNotContain("|"));
        assertThat(RuleTexts.asks("MR44-PROLONGED-SOLITARY")).contains("15 consecutive days");
        assertThat(RuleTexts.asks("NOT-A-RULE")).isEmpty();
    }
}
