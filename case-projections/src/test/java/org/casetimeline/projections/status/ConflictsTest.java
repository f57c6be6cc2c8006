package org.casetimeline.projections.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casetimeline.core.event.CaseEvent;
import org.casetimeline.core.event.PersonDetained;
import org.casetimeline.core.event.PersonReleased;
import org.casetimeline.core.event.PrisonerRegistered;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;
import org.casetimeline.core.shared.ReleaseKind;
import org.casetimeline.core.timeline.Recording;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.projections.status.CaseStatusView.Conflict;
import org.junit.jupiter.api.Test;

class ConflictsTest {

    private static final CaseId CASE = new CaseId(new UUID(1, 1));
    private static final Provenance SOURCE = new Provenance(List.of(), null, null);

    private static FactId id(int n) {
        return new FactId(new UUID(0, n));
    }

    private static List<Conflict> conflicts(CaseEvent... events) {
        List<Recording> recordings = new ArrayList<>();
        recordings.add(new Recording(new PrisonerRegistered(CASE, id(99), SOURCE, List.of("A"), null, null, null, null, null,
                null, List.of()), 0, Instant.parse("2014-01-01T00:00:00Z"), "monitor"));
        for (CaseEvent event : events) {
            recordings.add(new Recording(event, recordings.size(), Instant.parse("2014-01-01T00:00:00Z"), "monitor"));
        }
        return Conflicts.in(Timeline.of(recordings, Map.of()));
    }

    /** Released "in October 2013" and read as of 10 October: the status says released, and says it may not yet be so. */
    @Test
    void givenAReleaseDatedToAMonth_whenReadWithinThatMonth_thenTheStatusIsMarkedUncertain_andNotOnceTheMonthHasPassed() {
        List<Recording> recordings = new ArrayList<>();
        recordings.add(new Recording(new PrisonerRegistered(CASE, id(99), SOURCE, List.of("A"), null, null, null, null, null,
                null, List.of()), 0, Instant.parse("2014-01-01T00:00:00Z"), "monitor"));
        recordings.add(new Recording(detained(1, "2013-05-10"), 1, Instant.parse("2014-01-01T00:00:00Z"), "monitor"));
        recordings.add(new Recording(released(2, "2013-10"), 2, Instant.parse("2014-01-01T00:00:00Z"), "monitor"));
        Timeline timeline = Timeline.of(recordings, Map.of());

        List<Conflict> within = Conflicts.in(timeline, Instant.parse("2013-10-10T12:00:00Z"));
        assertThat(within).extracting(Conflict::kind).containsExactly("UNCERTAIN_AS_OF");
        assertThat(within.get(0).factIds()).containsExactly(id(2).toString());
        assertThat(within.get(0).description()).contains("2013-10", "2013-10-10");
        assertThat(Conflicts.in(timeline, Instant.parse("2013-11-01T00:00:00Z"))).isEmpty();
        assertThat(Conflicts.in(timeline, Instant.parse("2013-09-30T00:00:00Z"))).as("not yet begun: not counted").isEmpty();
        List<Recording> byDay = new ArrayList<>(recordings.subList(0, 2));
        byDay.add(new Recording(released(2, "2013-10-10"), 2, Instant.parse("2014-01-01T00:00:00Z"), "monitor"));
        assertThat(Conflicts.in(Timeline.of(byDay, Map.of()), Instant.parse("2013-10-10T12:00:00Z")))
                .as("released on the day read: taken as done, as meant").isEmpty();
    }

    private static PersonDetained detained(int id, String on) {
        return new PersonDetained(CASE, id(id), Occurrence.at(on), SOURCE, "police", null, null);
    }

    private static PersonReleased released(int id, String on) {
        return new PersonReleased(CASE, id(id), Occurrence.at(on), SOURCE, ReleaseKind.PARDON, null);
    }

    @Test
    void givenAReleaseDatedToAYearHoldingADetentionDay_whenRead_thenTheOrderIsFlaggedUncertain() {
        List<Conflict> conflicts = conflicts(detained(1, "2013-05-10"), released(2, "2013"));

        assertThat(conflicts).extracting(Conflict::kind).containsExactly("ORDER_UNCERTAIN");
        assertThat(conflicts.get(0).factIds()).containsExactly(id(2).toString(), id(1).toString());
        // it would end no custody before the detention, so the status reads it as ending that one
        assertThat(conflicts.get(0).description()).endsWith("the status takes it after. A more precise date settles it.");
        assertThat(conflicts(detained(1, "2013-05-01"), released(2, "2013-05"))).as("a detention on the span's first day,"
                + " which sorts before the release").extracting(Conflict::kind).containsExactly("ORDER_UNCERTAIN");
    }

    @Test
    void givenEndsDatedToTheDayOrOutsideTheDetention_whenRead_thenNoOrderIsUncertain() {
        assertThat(conflicts(detained(1, "2013-05-10"), released(2, "2013-05-10"))).as("same day: recording order").isEmpty();
        assertThat(conflicts(detained(1, "2013-05-10"), released(2, "2014"))).isEmpty();
        assertThat(conflicts(detained(1, "2013"), released(2, "2013-05-10"))).as("a precise end after a coarse start").isEmpty();
    }
}
