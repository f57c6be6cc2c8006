package org.casetimeline.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.ARKALYK;
import static org.casetimeline.core.compliance.CaseFixture.KARAGANDY;
import static org.casetimeline.core.compliance.CaseFixture.aCase;
import static org.casetimeline.core.compliance.CaseFixture.at;
import static org.casetimeline.core.compliance.CaseFixture.instant;

import java.util.List;

import org.casetimeline.core.compliance.CaseFixture;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.ReleaseKind;
import org.junit.jupiter.api.Test;

/**
 * A release or death whose date is known less precisely than the detention it ends, or recorded before a detention of
 * the same day, sorts first by its earliest instant; it must still end that custody, not leave the person held for good.
 */
class CustodyEndsTest {

    private final CaseFixture aCase = aCase();

    private CustodyState stateAfterwards() {
        return CustodyHistory.of(aCase.timeline()).stateAt(instant("2014-06-01"));
    }

    private List<FactId> order() {
        return aCase.timeline().facts().stream().map(TimelineFact::factId).toList();
    }

    @Test
    void givenADetentionAtTenAndAReleaseKnownToTheDay_whenRead_thenReleased() {
        FactId detained = aCase.detained(at(KARAGANDY)).on("2013-10-05T10:00:00Z");
        FactId released = aCase.released(ReleaseKind.BAIL, null).on("2013-10-05");

        assertThat(stateAfterwards()).isEqualTo(CustodyState.RELEASED);
        assertThat(order()).containsExactly(detained, released);
        assertThat(CustodyHistory.of(aCase.timeline()).placements()).singleElement()
                .satisfies(placement -> assertThat(placement.end()).isNotNull());
    }

    @Test
    void givenAReleaseRecordedBeforeTheDetentionOfTheSameDay_whenRead_thenReleased() {
        FactId released = aCase.released(ReleaseKind.BAIL, null).on("2013-10-05");
        FactId detained = aCase.detained(at(KARAGANDY)).on("2013-10-05");

        assertThat(stateAfterwards()).isEqualTo(CustodyState.RELEASED);
        assertThat(order()).containsExactly(detained, released);
    }

    @Test
    void givenAReleaseKnownToTheMonthOfADetention_whenRead_thenReleased() {
        aCase.detained(at(KARAGANDY)).on("2013-10-10");
        aCase.hungerStrike().on("2013-10-20");
        aCase.released(ReleaseKind.BAIL, null).on("2013-10");

        assertThat(stateAfterwards()).isEqualTo(CustodyState.RELEASED);
        assertThat(CustodyHistory.of(aCase.timeline()).custodySince(instant("2014-01-01"))).isEmpty();
    }

    /** A release that ends custody already held stays first: released, then arrested again that evening. */
    @Test
    void givenAReleaseFromEarlierCustodyAndAnArrestThatEvening_whenRead_thenDetainedAgain() {
        aCase.detained(at(KARAGANDY)).on("2013-01");
        FactId released = aCase.released(ReleaseKind.BAIL, null).on("2013-10-05");
        FactId arrested = aCase.detained(at(KARAGANDY)).on("2013-10-05T18:00:00Z");

        assertThat(stateAfterwards()).isEqualTo(CustodyState.DETAINED_PRE_TRIAL);
        assertThat(order()).endsWith(released, arrested);
    }

    @Test
    void givenARetractedDetention_whenARelease_thenTheReleaseIsNotMovedAfterIt() {
        FactId released = aCase.released(ReleaseKind.BAIL, null).on("2013-10-05");
        FactId detained = aCase.detained(at(KARAGANDY)).on("2013-10-05");
        aCase.retract(detained);

        assertThat(aCase.timeline().all().stream().map(TimelineFact::factId)).containsExactly(released, detained);
    }

    /**
     * An admission after the detention, within the release's month, shows custody went on: the release comes after
     * both, whether the detention was in that month (the release sorted first and ended nothing) or before it (the
     * release sorted after it, and before the admission that would have held the person again for good).
     */
    @Test
    void givenAnAdmissionAfterTheDetentionWithinAReleasesMonth_whenRead_thenReleasedAfterBoth() {
        for (String detainedOn : List.of("2013-10-10", "2013-09-30")) {
            CaseFixture aCase = CaseFixture.aCase();
            FactId detained = aCase.detained(at(KARAGANDY)).on(detainedOn);
            FactId admitted = aCase.admitted(at(ARKALYK)).on("2013-10-12");
            FactId released = aCase.released(ReleaseKind.BAIL, null).on("2013-10");

            assertThat(aCase.timeline().facts().stream().map(TimelineFact::factId)).as(detainedOn)
                    .containsExactly(detained, admitted, released);
            assertThat(CustodyHistory.of(aCase.timeline()).stateAt(instant("2014-06-01"))).as(detainedOn)
                    .isEqualTo(CustodyState.RELEASED);
        }
    }

    /** A second source's release known to the year, beside the day the custody ended: the day ends it, as before. */
    @Test
    void givenAReleaseKnownToTheYearAndAnotherOnADayOfIt_whenRead_thenTheCustodyRunsToThatDay() {
        FactId yearOnly = aCase.released(ReleaseKind.BAIL, null).on("2013");
        FactId detained = aCase.detained(at(KARAGANDY)).on("2013-03-01");
        FactId released = aCase.released(ReleaseKind.BAIL, null).on("2013-06-01");

        assertThat(order()).containsExactly(yearOnly, detained, released);
        assertThat(CustodyHistory.of(aCase.timeline()).inCustodyAt(instant("2013-05-01"))).isTrue();
    }

    /** The person was alive to be detained and released within the year of the death: it came after both. */
    @Test
    void givenADeathKnownToTheYearOfADetentionAndRelease_whenRead_thenItComesAfterTheRelease() {
        FactId died = aCase.died(null).on("2015");
        FactId detained = aCase.detained(at(KARAGANDY)).on("2015-03-10");
        FactId released = aCase.released(ReleaseKind.BAIL, null).on("2015-05-01");

        assertThat(order()).containsExactly(detained, released, died);
        assertThat(CustodyHistory.of(aCase.timeline()).stateAt(instant("2016-06-01"))).isEqualTo(CustodyState.DECEASED);
    }

    /** Two arrests in the year of a release: it ended the first custody, before the second arrest. */
    @Test
    void givenAReleaseKnownToTheYearOfTwoArrests_whenRead_thenItEndsTheFirstCustody() {
        FactId first = aCase.detained(at(KARAGANDY)).on("2013-02-01");
        FactId yearOnly = aCase.released(ReleaseKind.BAIL, null).on("2013");
        FactId second = aCase.detained(at(KARAGANDY)).on("2013-06-01");
        FactId released = aCase.released(ReleaseKind.BAIL, null).on("2013-09-01");

        assertThat(order()).containsExactly(first, yearOnly, second, released);
    }

    /**
     * Two sources of one release, one to the month and one to the year: whichever sorts first, the other is the same
     * release and does not end the custody of an arrest months later.
     */
    @Test
    void givenOneReleaseKnownToTheMonthAndToTheYear_whenArrestedAgainLater_thenDetainedAgain() {
        aCase.detained(at(KARAGANDY)).on("2012-11-20");
        FactId january = aCase.released(ReleaseKind.BAIL, null).on("2013-01");
        FactId year = aCase.released(ReleaseKind.BAIL, null).on("2013");
        FactId arrested = aCase.detained(at(KARAGANDY)).on("2013-06-10");

        assertThat(order()).endsWith(january, year, arrested);
        assertThat(stateAfterwards()).isEqualTo(CustodyState.DETAINED_PRE_TRIAL);
    }

    /** A release and a death in one month: the person was alive to be released, so the death came after it. */
    @Test
    void givenAReleaseKnownToTheMonthAndADeathOnADayOfIt_whenRead_thenDetainedReleasedDied() {
        FactId detained = aCase.detained(at(KARAGANDY)).on("2015-03-05");
        FactId released = aCase.released(ReleaseKind.BAIL, null).on("2015-03");
        FactId died = aCase.died(null).on("2015-03-25");

        assertThat(order()).containsExactly(detained, released, died);
        assertThat(CustodyHistory.of(aCase.timeline()).custodyBefore(aCase.timeline().facts().get(2),
                instant("2016-01-01"))).isEmpty();
    }

    /** A sentence with no arrest on record shows custody held: a release ends it, and a new arrest that evening holds. */
    @Test
    void givenASentenceWithNoArrestOnRecord_whenReleasedAndArrestedAgainTheSameDay_thenDetained() {
        aCase.sentenced(60).on("2010");
        FactId released = aCase.released(ReleaseKind.END_OF_TERM, null).on("2013-10-20");
        FactId arrested = aCase.detained(at(KARAGANDY)).on("2013-10-20T18:00:00Z");

        assertThat(order()).endsWith(released, arrested);
        assertThat(stateAfterwards()).isEqualTo(CustodyState.DETAINED_PRE_TRIAL);
    }
}
