package org.casetimeline.core.event;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Year;
import java.util.List;
import java.util.UUID;

import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.ContactChannel;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.InvalidFact;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;
import org.junit.jupiter.api.Test;

class FactBoundsTest {

    private static final CaseId CASE = new CaseId(new UUID(1, 1));
    private static final FactId FACT = new FactId(new UUID(0, 1));
    private static final Occurrence WHEN = Occurrence.at("2014-04-01");
    private static final Provenance SOURCE = new Provenance(List.of(), null, null);
    private static final Year THIS_YEAR = Year.of(2026);

    @Test
    void givenABanOrATermOutsideItsRange_whenChecked_thenRefusedByItsField() {
        refused(ban(-1), "banDays");
        refused(ban(-3_000_000), "banDays");
        refused(ban(36_501), "banDays");
        refused(new SentenceImposed(CASE, FACT, WHEN, SOURCE, "court", Integer.MAX_VALUE, "strict", null), "termMonths");
        refused(new SentenceImposed(CASE, FACT, WHEN, SOURCE, "court", -12, "strict", null), "termMonths");

        accepted(ban(0));
        accepted(ban(36_500));
        accepted(ban(null));
        accepted(new SentenceImposed(CASE, FACT, WHEN, SOURCE, "court", 1_200, "strict", null));
    }

    @Test
    void givenAYearOfBirthOutsideTheRecords_whenChecked_thenRefused() {
        assertThatThrownBy(() -> FactBounds.birthYear(1799, THIS_YEAR)).isInstanceOf(InvalidFact.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((InvalidFact) e).field()).isEqualTo("birthYear"));
        assertThatThrownBy(() -> FactBounds.birthYear(2027, THIS_YEAR)).isInstanceOf(InvalidFact.class);
        assertThatCode(() -> FactBounds.birthYear(1954, THIS_YEAR)).doesNotThrowAnyException();
        assertThatCode(() -> FactBounds.birthYear(null, THIS_YEAR)).doesNotThrowAnyException();
    }

    private static FamilyContactDenied ban(Integer days) {
        return new FamilyContactDenied(CASE, FACT, WHEN, SOURCE, ContactChannel.ANY, days, "a sanction", true);
    }

    private static void refused(RecordedFact fact, String field) {
        assertThatThrownBy(() -> FactBounds.check(fact, THIS_YEAR)).isInstanceOf(InvalidFact.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((InvalidFact) e).field()).isEqualTo(field));
    }

    private static void accepted(RecordedFact fact) {
        assertThatCode(() -> FactBounds.check(fact, THIS_YEAR)).doesNotThrowAnyException();
    }
}
