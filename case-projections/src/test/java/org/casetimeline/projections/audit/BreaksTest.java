package org.casetimeline.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.casetimeline.projections.audit.ChainReport.Break;
import org.junit.jupiter.api.Test;

class BreaksTest {

    @Test
    void givenMoreBreaksThanAreListed_thenEveryOneIsCounted_andTheFirstAreListedInTheOrderFound() {
        Breaks breaks = new Breaks();
        for (int sequence = 0; sequence < Breaks.LISTED + 5; sequence++) {
            breaks.add(new Break("case", sequence, null, "the chain does not continue from the previous event"));
        }

        assertThat(breaks.found()).isEqualTo(Breaks.LISTED + 5);
        assertThat(breaks.listed()).hasSize(Breaks.LISTED);
        assertThat(breaks.listed().get(0).sequenceNumber()).isZero();
        assertThat(breaks.listed().get(Breaks.LISTED - 1).sequenceNumber()).isEqualTo(Breaks.LISTED - 1);
    }
}
