package org.casetimeline.api.alerts;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A retention shorter than a week could delete an alert before it was dispatched or its delivery retried. */
class AlertRetentionTest {

    @Test
    void givenARetentionShorterThanAWeek_whenConfigured_thenTheServiceDoesNotStart() {
        assertThatThrownBy(() -> new AlertRetention(null, Clock.systemUTC(), Duration.ofDays(6)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least PT168H");
        assertThatThrownBy(() -> new AlertRetention(null, Clock.systemUTC(), Duration.ZERO)).isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> new AlertRetention(null, Clock.systemUTC(), Duration.ofDays(7))).doesNotThrowAnyException();
    }
}
