package org.casetimeline.projections.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class StayKeysTest {

    @Test
    void givenStaysBegunTheSameDay_whenKeyed_thenTheirOrdinalTellsThemApartInPlacementOrder() {
        assertThat(StayKeys.of(List.of("2012-11", "2013-10-05", "2013-10-05", "2013-10-05T14:30:00Z")))
                .containsExactly("2012-11#0", "2013-10-05#0", "2013-10-05#1", "2013-10-05T14:30:00Z#0");
    }

    /** What keys are for: a transfer learned late adds a stay between others, and the later stays keep their keys. */
    @Test
    void givenAStayAddedBetweenOthers_whenKeyed_thenTheLaterStaysKeepTheirKeys() {
        List<String> before = StayKeys.of(List.of("2012-11", "2013-10-05", "2014-03"));
        List<String> after = StayKeys.of(List.of("2012-11", "2013-10-05", "2013-12", "2014-03"));
        assertThat(after).containsAll(before).hasSize(4).doesNotHaveDuplicates();
    }
}
