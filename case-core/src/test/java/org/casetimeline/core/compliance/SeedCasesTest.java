package org.casetimeline.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.instant;

import java.util.List;

import org.junit.jupiter.api.Test;

class SeedCasesTest {

    @Test
    void givenAtabeksCase_whenCheckedAfterHisDeath_thenEveryBreachTheDocumentsDescribeIsFound() {
        List<Finding> findings = ComplianceRules.evaluate(SeedCases.atabek().timeline(), instant("2022-01-01"), Thresholds.defaults());

        assertThat(findings).filteredOn(finding -> finding.kind() != FindingKind.UNKNOWN).extracting(Finding::ruleId)
                .contains("MR68-TRANSFER-NOTICE", "MR68-WHEREABOUTS", "MR59-DISTANCE", "MR44-PROLONGED-SOLITARY",
                        "MR43-INDEFINITE-SOLITARY", "MR14-CELL-CONDITIONS", "MR52-INTRUSIVE-SEARCH", "MR27-MEDICAL-DENIED",
                        "MR5-ACCOMMODATION", "MR57-TORTURE-INVESTIGATION", "MR71-POST-RELEASE-DEATH", "MR64-READING-WRITING");
        assertThat(findings).filteredOn(finding -> finding.ruleId().equals("MR68-WHEREABOUTS")).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(finding.explanation()).contains("from 5 October 2013", "until 5 November 2013, 31 days");
                });
        assertThat(findings).filteredOn(finding -> finding.ruleId().equals("MR59-DISTANCE"))
                .anySatisfy(finding -> assertThat(finding.severity()).isEqualTo(Severity.SERIOUS));
        assertThat(findings).filteredOn(finding -> finding.ruleId().equals("MR44-PROLONGED-SOLITARY")).singleElement()
                .satisfies(finding -> assertThat(finding.explanation()).contains("from December 2012 to 5 October 2013, at least 278 days"));
    }

    @Test
    void givenBokaevsCase_whenCheckedAfterTheMoveToPetropavlovsk_thenTransferWithoutNoticeDistanceAndClothing() {
        List<Finding> findings = ComplianceRules.evaluate(SeedCases.bokaev().timeline(), instant("2017-03-14"), Thresholds.defaults());

        assertThat(findings).filteredOn(finding -> finding.kind() == FindingKind.FLAG).extracting(Finding::ruleId)
                .contains("MR68-TRANSFER-NOTICE", "MR59-DISTANCE", "MR19-CLOTHING");
        assertThat(findings).filteredOn(finding -> finding.ruleId().equals("MR59-DISTANCE") && finding.open()).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.severity()).isEqualTo(Severity.SERIOUS);
                    assertThat(finding.explanation()).contains("Petropavlovsk penal colony (EC 164/3)", "from home in Atyrau");
                });
    }

    @Test
    void givenTheSeedCases_whenChecked_thenNoFindingRestsOnASentenceOrAParoleRefusal() {
        CaseFixture atabek = SeedCases.atabek();
        CaseFixture bokaev = SeedCases.bokaev();

        assertThat(ComplianceRules.evaluate(atabek.timeline(), instant("2022-01-01"), Thresholds.defaults()))
                .isNotEmpty().allSatisfy(finding -> assertThat(finding.evidence()).doesNotContainAnyElementsOf(atabek.notBreaches()));
        assertThat(ComplianceRules.evaluate(bokaev.timeline(), instant("2017-03-14"), Thresholds.defaults()))
                .isNotEmpty().allSatisfy(finding -> assertThat(finding.evidence()).doesNotContainAnyElementsOf(bokaev.notBreaches()));
    }

    /**
     * Findings are listed rule by rule ({@link ComplianceRules#LISTED}), which a read of stored findings repeats from
     * their rule ids: every check's findings carry its own id.
     */
    @Test
    void givenTheSeedCases_whenEachCheckRuns_thenItsFindingsCarryItsIdAndAreListedInRegistryOrder() {
        for (CaseFixture seed : List.of(SeedCases.atabek(), SeedCases.bokaev())) {
            for (ComplianceRule rule : ComplianceRules.all()) {
                assertThat(rule.evaluate(seed.timeline(), instant("2022-01-01"), Thresholds.defaults()))
                        .allSatisfy(finding -> assertThat(finding.ruleId()).isEqualTo(rule.id()));
            }
            List<Finding> listed = ComplianceRules.evaluate(seed.timeline(), instant("2022-01-01"), Thresholds.defaults());
            assertThat(listed).hasSizeGreaterThan(3).isSortedAccordingTo(ComplianceRules.LISTED);
            assertThat(listed.stream().map(Finding::ruleId).distinct().toList()).as("rule by rule, in the registry's order")
                    .isEqualTo(ComplianceRules.all().stream().map(ComplianceRule::id)
                            .filter(id -> listed.stream().anyMatch(finding -> finding.ruleId().equals(id))).toList());
        }
    }

    @Test
    void givenTheRegistry_whenListed_thenEveryRuleHasADistinctIdAndRuleNumbers() {
        assertThat(ComplianceRules.all()).extracting(ComplianceRule::id).doesNotHaveDuplicates();
        assertThat(ComplianceRules.all()).allSatisfy(rule -> assertThat(rule.ruleNumbers()).isNotEmpty());
    }
}
