package org.casetimeline.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.casetimeline.core.compliance.CaseFixture;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.RestraintKind;
import org.junit.jupiter.api.Test;

/** What was known at a past instant: a correction and its replacement are known together or not at all. */
class KnownAtTest {

    private final CaseFixture aCase = CaseFixture.aCase();

    @Test
    void givenACorrectionAndItsReplacementRecordedApart_whenKnownBetweenThem_thenTheFactStandsAsFirstRecorded() {
        FactId first = aCase.restrained(RestraintKind.HOOD, false, null).on("2014-05-02");
        FactId replacement = aCase.restrained(RestraintKind.HOOD, false, null).correcting(first).on("2014-05-03");
        List<Recording> recordings = aCase.recordings();
        Recording correction = recordings.get(recordings.size() - 2);
        Recording replaced = recordings.get(recordings.size() - 1);
        assertThat(replaced.recordedAt()).as("the fixture records them a minute apart").isAfter(correction.recordedAt());

        // without the pair held together, the first version was superseded and its replacement not yet known: the
        // restraint vanished from the record known at that instant
        assertThat(aCase.timeline().knownAt(correction.recordedAt()).facts()).extracting(TimelineFact::factId)
                .containsExactly(first);
        assertThat(aCase.timeline().knownAt(replaced.recordedAt()).facts()).extracting(TimelineFact::factId)
                .containsExactly(replacement);
    }
}
