package org.casetimeline.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CountryCodeTest {

    @Test
    void isoCodesPassInUpperCase() {
        assertThat(CountryCode.require("country", "KZ")).isEqualTo("KZ");
        assertThat(CountryCode.require("country", "ru")).isEqualTo("RU");
        assertThat(new Place("Almaty", null, "kz", null).country()).isEqualTo("KZ");
    }

    @Test
    void namesAndMadeUpCodesAreRefused() {
        for (String code : new String[] {"Kazakhstan", "XX", "", "K", "' OR 1=1", "KZ "}) {
            assertThatThrownBy(() -> CountryCode.require("country", code)).as(code).isInstanceOf(InvalidFact.class);
        }
    }

    @Test
    void coordinatesRefuseNotANumber() {
        assertThatThrownBy(() -> new Coordinates(Double.NaN, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Coordinates(10, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }
}
