package org.casetimeline.projections.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.FindingState;
import org.casetimeline.core.compliance.Severity;
import org.junit.jupiter.api.Test;

class FindingKeysTest {

    private static final Instant OCTOBER = Instant.parse("2013-10-05T00:00:00Z");
    private static final Instant MARCH = Instant.parse("2014-03-01T00:00:00Z");

    @Test
    void givenFindingsOfOneRuleAndStart_whenKeyed_thenTheirOrdinalTellsThemApart() {
        assertThat(FindingKeys.of(List.of(finding("MR68-TRANSFER-NOTICE", OCTOBER), finding("MR68-TRANSFER-NOTICE", OCTOBER),
                finding("MR59-DISTANCE", OCTOBER))))
                .containsExactly("MR68-TRANSFER-NOTICE@1380931200000000#0", "MR68-TRANSFER-NOTICE@1380931200000000#1",
                        "MR59-DISTANCE@1380931200000000#0");
    }

    /** What keys are for: a finding added ahead of others leaves their keys, so their rows, as they were. */
    @Test
    void givenAFindingAddedAtTheHead_whenKeyed_thenTheOthersKeepTheirKeys() {
        List<Finding> before = List.of(finding("MR68-TRANSFER-NOTICE", MARCH), finding("MR59-DISTANCE", OCTOBER));
        List<Finding> after = List.of(finding("MR68-DETENTION-NOTICE", OCTOBER), finding("MR68-TRANSFER-NOTICE", OCTOBER),
                finding("MR68-TRANSFER-NOTICE", MARCH), finding("MR59-DISTANCE", OCTOBER));
        assertThat(FindingKeys.of(after)).containsAll(FindingKeys.of(before)).hasSize(4).doesNotHaveDuplicates();
    }

    /** A stored row's key names the same finding as the finding itself: what alerts compare by. */
    @Test
    void givenAKey_whenItsIdentityIsRead_thenItIsTheFindingsIdentity() {
        List<Finding> findings = List.of(finding("MR68-TRANSFER-NOTICE", OCTOBER), finding("MR68-TRANSFER-NOTICE", OCTOBER));
        List<String> keys = FindingKeys.of(findings);
        assertThat(FindingKeys.identity(keys.get(1))).isEqualTo(FindingKeys.identity(findings.get(1)))
                .isEqualTo("MR68-TRANSFER-NOTICE@1380931200000000");
    }

    /** Microseconds as PostgreSQL keeps them: below a microsecond rounds to the nearest, and before 1970 as after. */
    @Test
    void givenStartsBetweenMicroseconds_whenKeyed_thenTheMicrosecondIsRoundedAsPostgresRoundsIt() {
        assertThat(FindingKeys.micros(Instant.parse("2013-10-05T00:00:00.000001999Z"))).isEqualTo(1380931200000002L);
        assertThat(FindingKeys.micros(Instant.parse("2013-10-05T00:00:00.000001499Z"))).isEqualTo(1380931200000001L);
        assertThat(FindingKeys.micros(Instant.parse("2013-10-05T00:00:00.999999600Z"))).isEqualTo(1380931201000000L);
        assertThat(FindingKeys.micros(Instant.parse("1969-12-31T23:59:59.999999400Z"))).isEqualTo(-1L);
        assertThat(FindingKeys.micros(Instant.parse("0000-01-01T00:00:00Z"))).isEqualTo(-62167219200000000L);
    }

    private static Finding finding(String ruleId, Instant start) {
        return new Finding(ruleId, List.of("68"), FindingKind.FLAG, Severity.SERIOUS, FindingState.OPEN, start, null,
                "none", List.of(), false, false, ruleId + " from " + start);
    }
}
