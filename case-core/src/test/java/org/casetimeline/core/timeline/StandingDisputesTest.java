package org.casetimeline.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.casetimeline.core.compliance.CaseFixture;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.RestraintKind;
import org.junit.jupiter.api.Test;

/**
 * A dispute stands against the fact it names and every later version of it, until it is withdrawn: correcting a
 * disputed fact's date does not answer a counter-claim that it never happened, and findings resting on it stay disputed.
 */
class StandingDisputesTest {

    private final CaseFixture aCase = CaseFixture.aCase();

    @Test
    void givenADisputedFact_whenCorrectedTwice_thenTheCurrentVersionCarriesTheDispute() {
        FactId first = aCase.restrained(RestraintKind.HOOD, false, null).on("2014-05-02");
        FactId dispute = aCase.dispute(first);
        FactId second = aCase.restrained(RestraintKind.HOOD, false, null).correcting(first).on("2014-05-03");
        FactId third = aCase.restrained(RestraintKind.HOOD, false, null).correcting(second).on("2014-05-04");

        TimelineFact current = only(aCase.timeline().facts());
        assertThat(current.factId()).isEqualTo(third);
        assertThat(current.disputed()).isTrue();
        assertThat(current.disputes()).extracting(recording -> recording.event().factId()).containsExactly(dispute);
    }

    @Test
    void givenADisputeWithdrawn_whenRead_thenNoLongerStanding_butKnownAtBeforeTheWithdrawalItStood() {
        FactId restraint = aCase.restrained(RestraintKind.HOOD, false, null).on("2014-05-02");
        aCase.dispute(restraint);
        FactId other = aCase.dispute(restraint);
        List<Recording> before = aCase.recordings();
        FactId withdrawal = aCase.retract(other);

        TimelineFact fact = only(aCase.timeline().facts());
        assertThat(fact.disputes()).hasSize(1);
        assertThat(fact.withdrawnDisputes()).as("contested once, and the withdrawal that ended it").singleElement()
                .satisfies(withdrawn -> {
                    assertThat(withdrawn.dispute().event().factId()).isEqualTo(other);
                    assertThat(withdrawn.withdrawal().event().factId()).isEqualTo(withdrawal);
                });
        TimelineFact knownBefore = only(aCase.timeline().knownAt(before.get(before.size() - 1).recordedAt()).facts());
        assertThat(knownBefore.disputes()).as("known before the withdrawal").hasSize(2);
        assertThat(knownBefore.withdrawnDisputes()).isEmpty();
        assertThat(aCase.timeline().all()).as("the withdrawn dispute stays in the record, as a retracted fact does")
                .hasSize(1);
        assertThat(aCase.timeline().recordings()).extracting(recording -> recording.event().factId()).contains(other);
    }

    private static TimelineFact only(List<TimelineFact> facts) {
        assertThat(facts).hasSize(1);
        return facts.get(0);
    }
}
