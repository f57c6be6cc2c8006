package org.casetimeline.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.ARKALYK;
import static org.casetimeline.core.compliance.CaseFixture.at;
import static org.casetimeline.core.compliance.CaseFixture.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.casetimeline.core.event.ConditionsReported;
import org.casetimeline.core.timeline.Recording;
import org.casetimeline.core.timeline.Timeline;
import org.junit.jupiter.api.Test;

/**
 * An evaluation made over another one (the same case at a higher clearance level) keeps the findings of the checks whose
 * facts are the same at both and runs the others: its findings are those of an evaluation from scratch.
 */
class EvaluationTest {

    @Property(tries = 200)
    void givenSomeRecordsHiddenBelow_whenEvaluatedOverTheLowerLevel_thenTheFindingsOfAnEvaluationFromScratch(
            @ForAll("cases") int which, @ForAll("asOf") Instant asOf, @ForAll long seed) {
        CaseFixture aCase = CompliancePropertiesTest.CASES.get(which).get();
        Random random = new Random(seed);
        List<Recording> lower = new ArrayList<>();
        // the registration stays visible: a level without it has no evaluation
        aCase.recordings().forEach(recording -> {
            if (recording.sequence() == 0 || random.nextInt(4) > 0) {
                lower.add(recording);
            }
        });
        Timeline below = aCase.timelineOf(lower);
        Timeline above = aCase.timeline();

        Evaluation fromBelow = Evaluation.of(below, asOf, Thresholds.defaults());
        Evaluation fromAbove = Evaluation.of(above, asOf, Thresholds.defaults());

        assertThat(fromBelow.over(above).findings()).isEqualTo(fromAbove.findings());
        assertThat(fromAbove.over(below).findings()).isEqualTo(fromBelow.findings());
    }

    @Test
    void givenLevelsThatDifferOnlyInAConditionsReport_whenEvaluatedOverTheLower_thenOnlyTheChecksOfConditionsRun() {
        CaseFixture aCase = SeedCases.atabek();
        Timeline below = aCase.timeline();
        aCase.conditions().noNaturalLight().on("2013-11");
        Timeline above = aCase.timeline();
        Instant asOf = instant("2014-06-01");

        Evaluation over = Evaluation.of(below, asOf, Thresholds.defaults()).over(above);

        List<String> readingConditions = ComplianceRules.all().stream()
                .filter(check -> check.reads().includes(ConditionsReported.class)).map(ComplianceRule::id).toList();
        assertThat(over.checksRun()).containsExactlyInAnyOrderElementsOf(readingConditions)
                .contains("MR14-CELL-CONDITIONS").doesNotContain("MR68-WHEREABOUTS", "MR44-PROLONGED-SOLITARY");
        assertThat(over.findings()).isEqualTo(ComplianceRules.evaluate(above, asOf, Thresholds.defaults()))
                .isNotEqualTo(ComplianceRules.evaluate(below, asOf, Thresholds.defaults()));
    }

    @Test
    void givenADisputeHiddenBelow_whenEvaluatedOverTheLower_thenTheDisputedFactsChecksRunAndMarkIt() {
        CaseFixture aCase = CaseFixture.aCase();
        aCase.detained(at(ARKALYK)).on("2012-01-10");
        var solitary = aCase.solitary().between("2012-02-01", "2012-04-01");
        Timeline below = aCase.timeline();
        aCase.dispute(solitary);
        Timeline above = aCase.timeline();
        Instant asOf = instant("2012-06-01");

        Evaluation over = Evaluation.of(below, asOf, Thresholds.defaults()).over(above);

        assertThat(over.checksRun()).contains("MR44-PROLONGED-SOLITARY").doesNotContain("MR68-WHEREABOUTS");
        assertThat(over.findings()).filteredOn(finding -> finding.ruleId().equals("MR44-PROLONGED-SOLITARY"))
                .singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }

    @Test
    void givenTheSameFacts_whenEvaluatedOver_thenNoCheckRuns() {
        Timeline timeline = SeedCases.bokaev().timeline();

        Evaluation over = Evaluation.of(timeline, instant("2017-03-14"), Thresholds.defaults()).over(SeedCases.bokaev().timeline());

        assertThat(over.checksRun()).isEmpty();
        assertThat(over.findings()).isNotEmpty();
    }

    @Provide
    Arbitrary<Integer> cases() {
        return Arbitraries.integers().between(0, CompliancePropertiesTest.CASES.size() - 1);
    }

    @Provide
    Arbitrary<Instant> asOf() {
        return Arbitraries.of("2012-06-01", "2013-11-01", "2014-06-01", "2016-03-01", "2018-01-01", "2022-01-01")
                .map(CaseFixture::instant);
    }
}
