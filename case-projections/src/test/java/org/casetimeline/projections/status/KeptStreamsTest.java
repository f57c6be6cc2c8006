package org.casetimeline.projections.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.timeline.Recording;
import org.junit.jupiter.api.Test;

class KeptStreamsTest {

    private static final CaseId FIRST = new CaseId(UUID.randomUUID());
    private static final CaseId SECOND = new CaseId(UUID.randomUUID());
    private static final CaseId THIRD = new CaseId(UUID.randomUUID());

    /** The bound counts events, so a few long cases cannot hold the heap; the least recently used go first. */
    @Test
    void givenMoreEventsThanTheBound_whenKept_thenTheLeastRecentlyUsedCasesGoFirst() {
        KeptStreams kept = new KeptStreams(10);
        kept.keep(FIRST, stream(4));
        kept.keep(SECOND, stream(4));
        kept.get(FIRST); // used since, so SECOND is now the eldest
        kept.keep(THIRD, stream(4));

        assertThat(kept.get(SECOND)).isNull();
        assertThat(kept.get(FIRST)).hasSize(4);
        assertThat(kept.get(THIRD)).hasSize(4);
    }

    @Test
    void givenACaseLongerThanTheBound_whenKept_thenItIsNotKeptAndOthersStay() {
        KeptStreams kept = new KeptStreams(10);
        kept.keep(FIRST, stream(4));
        kept.keep(SECOND, stream(11));

        assertThat(kept.get(SECOND)).isNull();
        assertThat(kept.get(FIRST)).hasSize(4);
    }

    /** A case kept again replaces its shorter stream, which no longer counts against the bound. */
    @Test
    void givenACaseThatGrew_whenKeptAgain_thenOnlyItsNewStreamCounts() {
        KeptStreams kept = new KeptStreams(10);
        kept.keep(FIRST, stream(4));
        kept.keep(SECOND, stream(3));
        kept.keep(FIRST, stream(7));

        assertThat(kept.get(FIRST)).hasSize(7);
        assertThat(kept.get(SECOND)).hasSize(3); // used last, so FIRST is now the eldest
        kept.keep(THIRD, stream(1));
        assertThat(kept.get(FIRST)).as("11 events over a bound of 10: the eldest goes").isNull();
        assertThat(kept.get(SECOND)).hasSize(3);
        assertThat(kept.get(THIRD)).hasSize(1);
    }

    @Test
    void givenABoundOfZero_whenKept_thenNothingIsKept() {
        KeptStreams kept = new KeptStreams(0);
        kept.keep(FIRST, stream(1));
        assertThat(kept.get(FIRST)).isNull();
    }

    private static List<Recording> stream(int events) {
        List<Recording> stream = new ArrayList<>();
        for (int sequence = 0; sequence < events; sequence++) {
            stream.add(new Recording(null, sequence, Instant.EPOCH, "monitor"));
        }
        return stream;
    }
}
