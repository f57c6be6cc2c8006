package org.casetimeline.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.casetimeline.core.compliance.Thresholds;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ThresholdsConfigurationTest {

    @Test
    void givenConfiguredThresholds_whenBound_thenTheyReplaceTheDefaultsAndTheRestKeepRulesMd() throws Exception {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("case-timeline.thresholds.transfer-notice", "12h")
                .withProperty("case-timeline.thresholds.distance-concern-km", "400")
                .withProperty("case-timeline.thresholds.solitary-maximum", "15d");

        Thresholds thresholds = new ThresholdsConfiguration().thresholds(environment);

        assertThat(thresholds.transferNotice()).isEqualTo(Duration.ofHours(12));
        assertThat(thresholds.distanceConcernKm()).isEqualTo(400.0);
        assertThat(thresholds.solitaryMaximum()).isEqualTo(Duration.ofDays(15));
        assertThat(thresholds.detentionNotice()).isEqualTo(Thresholds.defaults().detentionNotice());
        assertThat(thresholds.distanceSeriousKm()).isEqualTo(1000.0);
    }
}
