package org.casetimeline.projections.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.FindingState;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.projections.alerts.FindingChanges.Change;
import org.casetimeline.projections.alerts.FindingChanges.FindingChange;
import org.casetimeline.projections.alerts.FindingChanges.Standing;
import org.junit.jupiter.api.Test;

class FindingChangesTest {

    private static final Instant OCTOBER = Instant.parse("2013-10-05T00:00:00Z");

    @Test
    void givenANewOpenFinding_whenCompared_thenItOpened() {
        Finding transfer = finding("MR68-TRANSFER-NOTICE", FindingKind.FLAG, Severity.SERIOUS, true);
        assertThat(changes(List.of(), List.of(transfer))).containsExactly(new FindingChange(Change.OPENED, transfer));
    }

    @Test
    void givenTheSameFindingStandingAsBefore_whenCompared_thenNothingChanged() {
        Finding transfer = finding("MR68-TRANSFER-NOTICE", FindingKind.FLAG, Severity.SERIOUS, true);
        assertThat(changes(List.of(standing(transfer)), List.of(transfer))).isEmpty();
    }

    @Test
    void givenAGraverSeverityOrAPossibleTurnedFlag_whenCompared_thenItEscalated() {
        Finding possible = finding("MR44-PROLONGED-SOLITARY", FindingKind.POSSIBLE, Severity.CRITICAL, true);
        Finding flag = finding("MR44-PROLONGED-SOLITARY", FindingKind.FLAG, Severity.CRITICAL, true);
        Finding concern = finding("MR31-MEDICAL-UNANSWERED", FindingKind.FLAG, Severity.CONCERN, true);
        Finding serious = finding("MR31-MEDICAL-UNANSWERED", FindingKind.FLAG, Severity.SERIOUS, true);

        assertThat(changes(List.of(standing(possible), standing(concern)), List.of(flag, serious)))
                .containsExactly(new FindingChange(Change.ESCALATED, flag), new FindingChange(Change.ESCALATED, serious));
        assertThat(changes(List.of(standing(flag), standing(serious)), List.of(possible, concern)))
                .as("a finding that eases raises nothing").isEmpty();
    }

    /** A data gap short of critical never alerts, and a finding that stood as one or closed opens when it holds again. */
    @Test
    void givenDataGapsAndClosedFindings_whenCompared_thenOnlyOpenFlagsAlert() {
        Finding gap = finding("MR30-ADMISSION-EXAM", FindingKind.UNKNOWN, Severity.SERIOUS, true);
        Finding flag = finding("MR30-ADMISSION-EXAM", FindingKind.FLAG, Severity.SERIOUS, true);
        Finding closed = finding("MR30-ADMISSION-EXAM", FindingKind.FLAG, Severity.SERIOUS, false);

        assertThat(changes(List.of(), List.of(gap))).isEmpty();
        assertThat(changes(List.of(), List.of(closed))).isEmpty();
        assertThat(changes(List.of(standing(gap)), List.of(flag))).containsExactly(new FindingChange(Change.OPENED, flag));
        assertThat(changes(List.of(standing(closed)), List.of(flag))).containsExactly(new FindingChange(Change.OPENED, flag));
    }

    /**
     * A critical data gap alerts (a death in custody with no report on record): the monitor must ask for the report at
     * once. When the facts then establish it either way, it escalates; a gap standing as before raises nothing.
     */
    @Test
    void givenACriticalDataGap_whenCompared_thenItOpensAndEscalatesWhenEstablished() {
        Finding gap = finding("MR71-CUSTODIAL-DEATH", FindingKind.UNKNOWN, Severity.CRITICAL, true);
        Finding possible = finding("MR71-CUSTODIAL-DEATH", FindingKind.POSSIBLE, Severity.CRITICAL, true);

        assertThat(changes(List.of(), List.of(gap))).containsExactly(new FindingChange(Change.OPENED, gap));
        assertThat(changes(List.of(standing(gap)), List.of(gap))).isEmpty();
        assertThat(changes(List.of(standing(gap)), List.of(possible)))
                .containsExactly(new FindingChange(Change.ESCALATED, possible));
        assertThat(changes(List.of(standing(possible)), List.of(gap))).as("a finding that eases raises nothing").isEmpty();
    }

    /**
     * Two requests made the same day are two findings of one rule and start. Which earlier standing each is compared
     * with does not hang on the order the stored rows were read in: one standing as before is that one, and the other
     * is compared with what is left.
     */
    @Test
    void givenTwoFindingsOfOneRuleAndStart_whenCompared_thenTheChangesDoNotHangOnTheOrderOfTheEarlierRows() {
        Finding first = finding("MR27-MEDICAL-DENIED", FindingKind.FLAG, Severity.SERIOUS, true, "the first request");
        Finding second = finding("MR27-MEDICAL-DENIED", FindingKind.FLAG, Severity.SERIOUS, true, "the second request");
        Standing established = standing(first);
        Standing possible = standing(finding("MR27-MEDICAL-DENIED", FindingKind.POSSIBLE, Severity.SERIOUS, true, "possible"));

        for (List<Standing> before : List.of(List.of(established, possible), List.of(possible, established))) {
            assertThat(changes(before, List.of(first, second))).as("earlier rows read as %s", before)
                    .containsExactly(new FindingChange(Change.ESCALATED, second));
        }
        assertThat(changes(List.of(established), List.of(first, second))).as("a second finding of the identity opens")
                .containsExactly(new FindingChange(Change.OPENED, second));
        assertThat(changes(List.of(established, established), List.of(second))).as("one of two that closed raises nothing")
                .isEmpty();
    }

    /**
     * Several findings of one identity that change at once alert no more than the change calls for: each is matched,
     * where it can be, with an earlier one it does not escalate from, not with the one of the same rank.
     */
    @Test
    void givenSeveralFindingsOfOneRuleAndStartChangingAtOnce_whenCompared_thenOnlyWhatTheChangeCallsForAlerts() {
        Finding critical = finding("MR27-MEDICAL-DENIED", FindingKind.FLAG, Severity.CRITICAL, true, "critical");
        Finding serious = finding("MR27-MEDICAL-DENIED", FindingKind.FLAG, Severity.SERIOUS, true, "serious");
        Finding concern = finding("MR27-MEDICAL-DENIED", FindingKind.FLAG, Severity.CONCERN, true, "concern");
        Finding possibleCritical = finding("MR27-MEDICAL-DENIED", FindingKind.POSSIBLE, Severity.CRITICAL, true, "possible");

        assertThat(changes(List.of(standing(critical), standing(serious)), List.of(concern, possibleCritical)))
                .as("both eased: the critical to a possible critical, the serious to a concern").isEmpty();
        assertThat(changes(List.of(standing(serious)), List.of(critical, concern)))
                .as("the serious eased to a concern, and a critical one opened")
                .containsExactly(new FindingChange(Change.OPENED, critical));
        assertThat(changes(List.of(standing(concern), standing(concern)), List.of(critical, serious)))
                .as("each rose from a concern").containsExactly(new FindingChange(Change.ESCALATED, critical),
                        new FindingChange(Change.ESCALATED, serious));
    }

    private static List<FindingChange> changes(List<Standing> before, List<Finding> after) {
        return FindingChanges.between(before, after, FindingChangesTest::identity);
    }

    private static Standing standing(Finding finding) {
        return Standing.of(identity(finding), finding);
    }

    private static String identity(Finding finding) {
        return finding.ruleId() + "@" + finding.start();
    }

    private static Finding finding(String ruleId, FindingKind kind, Severity severity, boolean open) {
        return finding(ruleId, kind, severity, open, ruleId + " " + kind);
    }

    private static Finding finding(String ruleId, FindingKind kind, Severity severity, boolean open, String summary) {
        return new Finding(ruleId, List.of("44"), kind, severity, open ? FindingState.OPEN : FindingState.CLOSED, OCTOBER,
                open ? null : OCTOBER.plusSeconds(86_400), "15 days", List.of(), false, false, summary);
    }
}
