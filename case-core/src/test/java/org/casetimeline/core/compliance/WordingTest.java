package org.casetimeline.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class WordingTest {

    /** Distances are written as the UK writes whole kilometres, grouped by thousands, rounded half up. */
    @Test
    void givenAnyDistance_whenWorded_thenItReadsAsTheUkFormatsWholeKilometres() {
        double[] distances = {0, 0.4, 0.5, 1.5, 499.5, 999.4, 999.5, 1000, 1087.2, 12345.6, 999999.5, 1234567, -1.5,
                -1234.5, 5e9};
        for (double km : distances) {
            assertThat(Wording.kilometres(km)).as("%s km", km)
                    .isEqualTo(String.format(Locale.UK, "%,d km", Math.round(km)));
        }
        assertThat(Wording.kilometres(1087.2)).isEqualTo("1,087 km");
    }
}
