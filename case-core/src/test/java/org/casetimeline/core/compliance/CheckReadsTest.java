package org.casetimeline.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.casetimeline.core.timeline.Timeline;
import org.junit.jupiter.api.Test;

/**
 * Each check runs over the timeline restricted to the kinds of fact it declares it reads. A typed question about any
 * other kind fails, but an untyped scan ({@code fact.is(X)} over every fact) would silently miss X: here each check's
 * findings over its restriction must be those over the whole timeline.
 */
class CheckReadsTest {

    private static final List<String> AS_OF = List.of("2012-03-01", "2012-06-01", "2012-09-15", "2013-01-01", "2013-11-01",
            "2014-06-01", "2016-03-01", "2018-01-01", "2022-01-01");

    @Property(tries = 80)
    void givenACase_whenEachCheckRunsOverItsKinds_thenTheFindingsOverTheWholeTimeline(
            @ForAll("cases") int which, @ForAll("asOf") Instant asOf) {
        Timeline whole = CompliancePropertiesTest.CASES.get(which).get().timeline();

        for (ComplianceRule check : ComplianceRules.all()) {
            assertThat(check.evaluate(whole, asOf, Thresholds.defaults())).as(check.id())
                    .isEqualTo(((RuleBase) check).findings(whole, asOf, Thresholds.defaults()));
        }
    }

    /** The cases above reach every check, so the comparison says something of each. */
    @Test
    void givenTheCases_whenEvaluatedAtTheInstantsAbove_thenEveryCheckFindsSomething() {
        Set<String> found = new TreeSet<>();
        for (var aCase : CompliancePropertiesTest.CASES) {
            Timeline timeline = aCase.get().timeline();
            for (String asOf : AS_OF) {
                evaluateWhole(timeline, CaseFixture.instant(asOf)).forEach(finding -> found.add(finding.ruleId()));
            }
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(ComplianceRules.all().stream().map(ComplianceRule::id).toList());
    }

    /** Every check over the whole timeline, unrestricted: what the findings would be if the checks saw every fact. */
    static List<Finding> evaluateWhole(Timeline timeline, Instant asOf) {
        List<Finding> findings = new ArrayList<>();
        for (ComplianceRule check : ComplianceRules.all()) {
            findings.addAll(((RuleBase) check).findings(timeline, asOf, Thresholds.defaults()));
        }
        findings.sort(ComplianceRules.LISTED);
        return findings;
    }

    @Provide
    Arbitrary<Integer> cases() {
        return Arbitraries.integers().between(0, CompliancePropertiesTest.CASES.size() - 1);
    }

    @Provide
    Arbitrary<Instant> asOf() {
        return Arbitraries.of(AS_OF).map(CaseFixture::instant);
    }
}
