package org.casetimeline.projections.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.shared.Confidentiality.CONFIDENTIAL;
import static org.casetimeline.core.shared.Confidentiality.PUBLIC;
import static org.casetimeline.core.shared.Confidentiality.RESTRICTED;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casetimeline.core.shared.Confidentiality;
import org.junit.jupiter.api.Test;

class FindingLevelsTest {

    @Test
    void givenThreeLevelsAlike_whenShared_thenOneRowServesAllThree() {
        Map<String, FindingLevels.Shared<String>> rows = FindingLevels.shared(levels(
                PUBLIC, Map.of("MR44#0", "a"), RESTRICTED, Map.of("MR44#0", "a"), CONFIDENTIAL, Map.of("MR44#0", "a")),
                String::equals);

        assertThat(rows).containsOnlyKeys("PUBLIC/MR44#0");
        assertThat(rows.get("PUBLIC/MR44#0").levels()).isEqualTo(new FindingLevels.Range(PUBLIC, CONFIDENTIAL));
    }

    /** A secret fact seen from RESTRICTED up changes the finding there: two rows, and neither serves the other's levels. */
    @Test
    void givenAFindingChangedFromTheMiddleLevel_whenShared_thenTheLowerAndUpperRunsAreTwoRows() {
        Map<String, FindingLevels.Shared<String>> rows = FindingLevels.shared(levels(
                PUBLIC, Map.of("MR68#0", "not notified"), RESTRICTED, Map.of("MR68#0", "whereabouts unknown"),
                CONFIDENTIAL, Map.of("MR68#0", "whereabouts unknown")), String::equals);

        assertThat(rows).containsOnlyKeys("PUBLIC/MR68#0", "RESTRICTED/MR68#0");
        assertThat(rows.get("PUBLIC/MR68#0").levels()).isEqualTo(new FindingLevels.Range(PUBLIC, PUBLIC));
        assertThat(rows.get("RESTRICTED/MR68#0")).isEqualTo(new FindingLevels.Shared<>(
                new FindingLevels.Range(RESTRICTED, CONFIDENTIAL), "MR68#0", "whereabouts unknown"));
    }

    /** Alike at the ends, different between: a row serves neighbouring levels only, or a reader in between would read it. */
    @Test
    void givenTheSameFindingAtTheEndsOnly_whenShared_thenEachLevelHasItsOwnRow() {
        Map<String, FindingLevels.Shared<String>> rows = FindingLevels.shared(levels(
                PUBLIC, Map.of("k#0", "a"), RESTRICTED, Map.of("k#0", "b"), CONFIDENTIAL, Map.of("k#0", "a")), String::equals);

        assertThat(rows.values()).extracting(FindingLevels.Shared::levels).containsExactly(
                new FindingLevels.Range(PUBLIC, PUBLIC), new FindingLevels.Range(RESTRICTED, RESTRICTED),
                new FindingLevels.Range(CONFIDENTIAL, CONFIDENTIAL));
    }

    /** A level not written (PUBLIC and CONFIDENTIAL only) leaves a gap that no row may span. */
    @Test
    void givenLevelsThatAreNotNeighbours_whenShared_thenNoRowSpansTheGap() {
        Map<String, FindingLevels.Shared<String>> rows = FindingLevels.shared(levels(
                PUBLIC, Map.of("k#0", "a"), CONFIDENTIAL, Map.of("k#0", "a")), String::equals);

        assertThat(rows.values()).extracting(FindingLevels.Shared::levels).containsExactly(
                new FindingLevels.Range(PUBLIC, PUBLIC), new FindingLevels.Range(CONFIDENTIAL, CONFIDENTIAL));
    }

    /** A finding only the higher levels have begins its row there; one the highest lacks ends its row below. */
    @Test
    void givenFindingsSomeLevelsLack_whenShared_thenEachRowServesTheLevelsThatHaveIt() {
        Map<String, FindingLevels.Shared<String>> rows = FindingLevels.shared(levels(
                PUBLIC, Map.of("gone#0", "x"), RESTRICTED, Map.of("gone#0", "x", "new#0", "y"), CONFIDENTIAL, Map.of("new#0", "y")),
                String::equals);

        assertThat(rows.get("PUBLIC/gone#0").levels()).isEqualTo(new FindingLevels.Range(PUBLIC, RESTRICTED));
        assertThat(rows.get("RESTRICTED/new#0").levels()).isEqualTo(new FindingLevels.Range(RESTRICTED, CONFIDENTIAL));
        assertThat(rows).hasSize(2);
    }

    @Test
    void givenARange_thenItHoldsItsLevelsAndLiesWithinSetsThatHoldThemAll() {
        FindingLevels.Range upper = FindingLevels.Range.of("RESTRICTED", "CONFIDENTIAL");

        assertThat(List.of(PUBLIC, RESTRICTED, CONFIDENTIAL)).map(upper::holds).containsExactly(false, true, true);
        assertThat(upper.within(Set.of(RESTRICTED, CONFIDENTIAL))).isTrue();
        assertThat(upper.within(Set.of(PUBLIC, CONFIDENTIAL))).isFalse();
    }

    @Test
    void givenAReader_thenTheRowsItReadsBeginAtOrBelowItsLevelAndEndAtOrAbove() {
        assertThat(FindingLevels.reader(RESTRICTED)).containsEntry("levels_from", List.of("PUBLIC", "RESTRICTED"))
                .containsEntry("levels_through", List.of("RESTRICTED", "CONFIDENTIAL"));
        assertThat(FindingLevels.ORDER).isEqualTo("{PUBLIC,RESTRICTED,CONFIDENTIAL}");
        assertThat(FindingLevels.servesReader("f.", RESTRICTED))
                .isEqualTo("f.clearance IN (:levels_from) AND f.clearance_through IN (:levels_through)");
        assertThat(FindingLevels.servesReader("", PUBLIC)).as("every row reaches up from public at least")
                .isEqualTo("clearance IN (:levels_from)");
        assertThat(FindingLevels.servesReader("", CONFIDENTIAL)).as("every row begins at or below confidential")
                .isEqualTo("clearance_through IN (:levels_through)");
    }

    private static Map<Confidentiality, Map<String, String>> levels(Object... levelsAndRows) {
        Map<Confidentiality, Map<String, String>> byLevel = new EnumMap<>(Confidentiality.class);
        for (int i = 0; i < levelsAndRows.length; i += 2) {
            @SuppressWarnings("unchecked")
            Map<String, String> rows = new LinkedHashMap<>((Map<String, String>) levelsAndRows[i + 1]);
            byLevel.put((Confidentiality) levelsAndRows[i], rows);
        }
        return byLevel;
    }
}
