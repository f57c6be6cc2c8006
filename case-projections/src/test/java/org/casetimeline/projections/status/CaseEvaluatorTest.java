package org.casetimeline.projections.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.event.PersonDetained;
import org.casetimeline.core.event.PersonReleased;
import org.casetimeline.core.event.PrisonerRegistered;
import org.casetimeline.core.event.SolitaryConfinementImposed;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.timeline.CustodyState;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;
import org.casetimeline.core.shared.ReleaseKind;
import org.casetimeline.core.timeline.Recording;
import org.casetimeline.core.timeline.Timeline;
import org.junit.jupiter.api.Test;

class CaseEvaluatorTest {

    private static final CaseId CASE = new CaseId(new UUID(1, 1));
    private static final Provenance SOURCE = new Provenance(List.of(), null, null);
    private static final Instant RECORDED = Instant.parse("2026-11-24T21:00:00Z");

    /**
     * At 21:00 UTC it is already the 25th in Almaty, and a monitor there records today's release. The stored status
     * must change when the 25th begins in UTC, not when some unrelated threshold next runs out after it.
     */
    @Test
    void givenAReleaseDatedTomorrowInUtc_whenEvaluatedNow_thenStillHeld_andDueAgainWhenThatDayBegins() {
        Timeline timeline = Timeline.of(List.of(
                recording(0, new PrisonerRegistered(CASE, id(1), SOURCE, List.of("A"), null, null, null, null, null, null, List.of())),
                recording(1, new PersonDetained(CASE, id(2), Occurrence.at("2026-01-10"), SOURCE, "police", null, null)),
                recording(2, new PersonReleased(CASE, id(3), Occurrence.at("2026-11-25"), SOURCE, ReleaseKind.PARDON, null))),
                Map.of());

        CaseEvaluation evaluation = new CaseEvaluator(Thresholds.defaults()).evaluate(CASE.toString(), timeline, RECORDED, null);

        assertThat(evaluation.status().custodyState()).isNotEqualTo(CustodyState.RELEASED);
        assertThat(evaluation.nextDue()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    }

    /**
     * A term stored before terms were held to their range (FactBounds) gives no expected end: the date a term of two
     * billion months ends, some hundred and seventy-nine million years on, is no answer to show.
     */
    @Test
    void givenATermOutsideItsRangeStoredEarlier_whenEvaluated_thenTheSentenceHasNoExpectedEnd() {
        Timeline timeline = Timeline.of(List.of(
                recording(0, new PrisonerRegistered(CASE, id(1), SOURCE, List.of("A"), null, null, null, null, null, null, List.of())),
                recording(1, new PersonDetained(CASE, id(2), Occurrence.at("2014-01-10"), SOURCE, "police", null, null)),
                recording(2, new org.casetimeline.core.event.SentenceImposed(CASE, id(3), Occurrence.at("2014-06-01"), SOURCE,
                        "court", Integer.MAX_VALUE, "strict", null))),
                Map.of());

        CaseEvaluation evaluation = new CaseEvaluator(Thresholds.defaults()).evaluate(CASE.toString(), timeline, RECORDED, null);

        assertThat(evaluation.status().sentence().termMonths()).isEqualTo(Integer.MAX_VALUE);
        assertThat(evaluation.status().sentence().expectedEnd()).isNull();
    }

    /**
     * The status's solitary confinement follows the spells the solitary checks read: one given with its end date is
     * over once that date has passed, as its MR44 finding is closed, and not shown as current for ever.
     */
    @Test
    void givenSolitaryGivenWithItsEndDate_whenEvaluatedAfterIt_thenNoSolitaryNow_butAnOpenOneStillShows() {
        Timeline ended = Timeline.of(List.of(
                recording(0, new PrisonerRegistered(CASE, id(1), SOURCE, List.of("A"), null, null, null, null, null, null, List.of())),
                recording(1, new PersonDetained(CASE, id(2), Occurrence.at("2012-06-10"), SOURCE, "police", null, null)),
                recording(2, solitary(3, new Occurrence("2012-12", "2013-10-05")))), Map.of());
        Timeline open = Timeline.of(List.of(
                recording(0, new PrisonerRegistered(CASE, id(1), SOURCE, List.of("A"), null, null, null, null, null, null, List.of())),
                recording(1, new PersonDetained(CASE, id(2), Occurrence.at("2012-06-10"), SOURCE, "police", null, null)),
                recording(2, solitary(3, Occurrence.at("2012-12")))), Map.of());

        CaseEvaluator evaluator = new CaseEvaluator(Thresholds.defaults());

        assertThat(evaluator.evaluate(CASE.toString(), ended, RECORDED, null).status().regime().solitarySince()).isNull();
        assertThat(evaluator.evaluate(CASE.toString(), ended, Instant.parse("2013-06-01T00:00:00Z"), null).status().regime()
                .solitarySince()).as("during it").isNotNull();
        assertThat(evaluator.evaluate(CASE.toString(), open, RECORDED, null).status().regime().solitarySince().date())
                .isEqualTo("2012-12");
    }

    /**
     * A release known only to the month of the arrest is read after it (CustodyEnds): the person is released, and the
     * days in custody count from the arrest to the release's earliest reading, never below none.
     */
    @Test
    void givenAReleaseKnownToTheMonthOfTheArrest_whenEvaluated_thenReleasedWithNoNegativeDays() {
        Timeline timeline = Timeline.of(List.of(
                recording(0, new PrisonerRegistered(CASE, id(1), SOURCE, List.of("A"), null, null, null, null, null, null, List.of())),
                recording(1, new PersonDetained(CASE, id(2), Occurrence.at("2013-10-10"), SOURCE, "police", null, null)),
                recording(2, new PersonReleased(CASE, id(3), Occurrence.at("2013-10"), SOURCE, ReleaseKind.BAIL, null))),
                Map.of());

        CaseStatusView status = new CaseEvaluator(Thresholds.defaults()).evaluate(CASE.toString(), timeline, RECORDED, null)
                .status();

        assertThat(status.custodyState()).isEqualTo(CustodyState.RELEASED);
        assertThat(status.daysInCustody()).isZero();
        assertThat(status.daysInCustodyApproximate()).isTrue();
    }

    private static SolitaryConfinementImposed solitary(int id, Occurrence occurred) {
        return new SolitaryConfinementImposed(CASE, id(id), occurred, SOURCE, "a sanction", null, false, null, null, null,
                null, null);
    }

    private static FactId id(int n) {
        return new FactId(new UUID(0, n));
    }

    private static Recording recording(long sequence, org.casetimeline.core.event.CaseEvent event) {
        return new Recording(event, sequence, RECORDED, "monitor");
    }
}
