package org.casetimeline.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.ARKALYK;
import static org.casetimeline.core.compliance.CaseFixture.KARAGANDY;
import static org.casetimeline.core.compliance.CaseFixture.at;
import static org.casetimeline.core.compliance.CaseFixture.from;
import static org.casetimeline.core.compliance.CaseFixture.to;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.casetimeline.core.shared.ConditionSeverity;
import org.casetimeline.core.shared.ContactChannel;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.NoticeSubject;
import org.casetimeline.core.shared.RestraintKind;
import org.casetimeline.core.timeline.Recording;

class CompliancePropertiesTest {

    /** Cases that reach every check: the seeds, and three that reach record keeping, the custody duties and sanctions. */
    static final List<Supplier<CaseFixture>> CASES = List.of(SeedCases::atabek, SeedCases::bokaev,
            CompliancePropertiesTest::amendedCase, CompliancePropertiesTest::custodyDutiesCase,
            CompliancePropertiesTest::sanctionsCase);

    @Property(tries = 60)
    void givenTheSameFactsRecordedInAnyOrder_whenChecked_thenTheSameFindings(
            @ForAll("cases") int which, @ForAll("asOf") Instant asOf, @ForAll("seeds") long seed) {
        CaseFixture aCase = CASES.get(which).get();
        List<Recording> shuffled = new ArrayList<>(aCase.recordings());
        java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
        List<Recording> renumbered = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); i++) {
            Recording recording = shuffled.get(i);
            renumbered.add(new Recording(recording.event(), i, recording.recordedAt(), recording.recordedBy()));
        }

        List<Finding> inOrder = ComplianceRules.evaluate(aCase.timeline(), asOf, Thresholds.defaults());
        List<Finding> reordered = ComplianceRules.evaluate(aCase.timelineOf(renumbered), asOf, Thresholds.defaults());

        assertThat(reordered).containsExactlyInAnyOrderElementsOf(inOrder);
    }

    @Property(tries = 100)
    void givenAnUnrelatedFactAdded_whenChecked_thenNoOpenFindingCloses(
            @ForAll("cases") int which, @ForAll("asOf") Instant asOf, @ForAll("unrelatedDates") String date,
            @ForAll("unrelatedKinds") int kind) {
        CaseFixture aCase = CASES.get(which).get();
        // over the whole timeline: each check runs over the kinds it reads, none of which these are
        List<Finding> before = CheckReadsTest.evaluateWhole(aCase.timeline(), asOf);
        switch (kind) {
            case 0 -> aCase.interventionMade().on(date);
            case 1 -> aCase.monitoringVisit().on(date);
            case 2 -> aCase.paroleRefused().on(date);
            default -> aCase.hungerStrike().on(date);
        }
        List<Finding> after = CheckReadsTest.evaluateWhole(aCase.timeline(), asOf);

        for (Finding open : before.stream().filter(Finding::open).toList()) {
            assertThat(after).anySatisfy(finding -> {
                assertThat(finding.ruleId()).isEqualTo(open.ruleId());
                assertThat(finding.start()).isEqualTo(open.start());
                assertThat(finding.open()).isTrue();
            });
        }
        assertThat(after).containsExactlyInAnyOrderElementsOf(before);
    }

    @Provide
    Arbitrary<Integer> cases() {
        return Arbitraries.integers().between(0, CASES.size() - 1);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Provide
    Arbitrary<Instant> asOf() {
        return Arbitraries.integers().between(0, 17 * 365)
                .map(days -> LocalDate.of(2006, 1, 1).plusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(43_200));
    }

    @Provide
    Arbitrary<String> unrelatedDates() {
        Arbitrary<LocalDate> day = Arbitraries.integers().between(0, 17 * 365).map(days -> LocalDate.of(2006, 1, 1).plusDays(days));
        return Combinators.combine(day, Arbitraries.integers().between(0, 2)).as((date, precision) -> switch (precision) {
            case 0 -> date.toString();
            case 1 -> date.toString().substring(0, 7);
            default -> date.toString().substring(0, 4);
        });
    }

    @Provide
    Arbitrary<Integer> unrelatedKinds() {
        return Arbitraries.integers().between(0, 3);
    }

    /** A case with a retraction, a correction and a dispute, so the shuffle reaches record keeping too. */
    static CaseFixture amendedCase() {
        CaseFixture aCase = CaseFixture.aCase();
        aCase.detained(at(ARKALYK)).on("2012-01-10");
        FactId solitary = aCase.solitary().between("2012-12", "2013-02-01");
        aCase.solitary().correcting(solitary).between("2012-12", "2013-10-05");
        aCase.retract(aCase.familyNotified(NoticeSubject.TRANSFER, KARAGANDY.facilityId()).on("2013-10-06"));
        FactId moved = aCase.transferred(from(ARKALYK), to(KARAGANDY), false, false).on("2013-10-05");
        aCase.dispute(moved);
        aCase.familyContact(ContactChannel.LETTER).on("2013-12-01");
        aCase.whereaboutsUnknown().on("2013-10-08");
        aCase.whereaboutsConfirmed(at(KARAGANDY), false).on("2013-10-20");
        return aCase;
    }

    /** A case that reaches the discipline, family-contact sanction, restraint and clinical-recommendation checks. */
    static CaseFixture sanctionsCase() {
        CaseFixture aCase = CaseFixture.aCase();
        aCase.detained(at(KARAGANDY)).on("2012-01-10");
        aCase.sanctioned("loss of parcels", false, false).on("2012-02-02");
        aCase.familyContactDenied(ContactChannel.ANY, null, true).on("2012-02-10");
        aCase.restrained(RestraintKind.CHAINS, true, "transport").on("2012-03-02");
        aCase.clinicalRecommendationOverruled("a walking cane").on("2012-04-10");
        aCase.familyContact(ContactChannel.LETTER).on("2012-05-01");
        aCase.transferred(from(KARAGANDY), to(ARKALYK), false, false).on("2012-06-01");
        return aCase;
    }

    /** A case that reaches the notice, health, legal, judicial, transport and complaint checks, one fact a day. */
    static CaseFixture custodyDutiesCase() {
        CaseFixture aCase = CaseFixture.aCase();
        aCase.detained(at(KARAGANDY)).on("2012-01-10");
        aCase.charged(null).on("2012-01-11");
        aCase.broughtBeforeJudge().on("2012-01-15");
        aCase.legalAccessRequested().on("2012-01-16");
        aCase.legalAccessDenied().on("2012-01-17");
        aCase.legalVisit(false).on("2012-02");
        FactId complaint = aCase.complaintFiled().on("2012-03-01");
        aCase.transferStarted(from(KARAGANDY)).on("2012-03-10");
        aCase.admitted(to(ARKALYK)).on("2012-03-16");
        aCase.complaintAnswered(complaint).on("2012-04-20");
        aCase.conditions().outdoorExerciseMinutes(20).heldWithOtherLegalStatus(true).on("2012-05");
        aCase.conditionReported("tuberculosis", false, ConditionSeverity.SERIOUS).on("2012-06-01");
        aCase.examined(null).on("2012-06-12");
        aCase.healthDeteriorated(ConditionSeverity.LIFE_THREATENING, false, false).on("2012-07-01");
        aCase.solitary().between("2012-08-01", "2012-08-10");
        aCase.examined(null).on("2012-08-04");
        FactId news = aCase.relativeSeriouslyIll(true).on("2012-09-01");
        aCase.toldOfRelativeNews(news).on("2012-09-05");
        aCase.diedInCustody(null, false).on("2012-10-01");
        aCase.reportedToIndependentAuthority().on("2012-10-04");
        return aCase;
    }
}
