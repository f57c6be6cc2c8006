package org.casetimeline.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casetimeline.core.event.CaseEvent;
import org.casetimeline.core.event.MedicalExaminationProvided;
import org.casetimeline.core.event.MedicalRequestDenied;
import org.casetimeline.core.event.MedicalRequestMade;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;
import org.junit.jupiter.api.Test;

class MedicalRequestsTest {

    private static final CaseId CASE = new CaseId(new UUID(1, 1));
    private static final Provenance SOURCE = new Provenance(List.of(), null, null);
    private final List<Recording> recordings = new ArrayList<>();

    private FactId record(CaseEvent event) {
        recordings.add(new Recording(event, recordings.size(), Instant.parse("2014-06-01T00:00:00Z"), "monitor"));
        return event.factId();
    }

    private static FactId id(int n) {
        return new FactId(new UUID(0, n));
    }

    @Test
    void givenRequestsAnsweredByNameAndByDate_whenRead_thenOnlyTheUnansweredOneIsStillWaiting() {
        FactId spine = record(new MedicalRequestMade(CASE, id(1), Occurrence.at("2014-01-10"), SOURCE, "a doctor", true, null));
        FactId cane = record(new MedicalRequestMade(CASE, id(2), Occurrence.at("2014-02-01"), SOURCE, "a cane", false, null));
        FactId eyes = record(new MedicalRequestMade(CASE, id(3), Occurrence.at("2014-05-01"), SOURCE, "glasses", false, null));
        record(new MedicalRequestDenied(CASE, id(4), Occurrence.at("2014-02-03"), SOURCE, cane, "not needed", "warden"));
        record(new MedicalExaminationProvided(CASE, id(5), Occurrence.at("2014-03-01"), SOURCE, null, "doctor", "doctor",
                false, false, null));

        List<MedicalRequests.Waiting> waiting = MedicalRequests.of(Timeline.of(recordings, Map.of()));
        Instant june = Instant.parse("2014-06-01T00:00:00Z");

        assertThat(waiting).extracting(w -> w.request().factId()).containsExactly(spine, cane, eyes);
        assertThat(waiting.get(0).answer().factId()).isEqualTo(id(5));
        assertThat(waiting.get(1).answer().factId()).isEqualTo(id(4));
        assertThat(waiting.get(2).answer()).isNull();
        assertThat(waiting).filteredOn(w -> w.openAt(june)).extracting(w -> w.request().factId()).containsExactly(eyes);
        assertThat(waiting.get(0).openAt(Instant.parse("2014-02-15T00:00:00Z"))).isTrue();
    }
}
