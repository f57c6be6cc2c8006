package org.casetimeline.api.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TabularTest {

    @Test
    void givenCellsWithCommasQuotesNewlinesAndFormulas_whenWrittenAsCsv_thenTheyStayTextInOneCell() {
        String csv = Tabular.csv(List.of("name", "note", "list"), List.of(
                Tabular.row("name", "Атабек, Арон", "note", "said \"no\"\nthen left", "list", List.of("a", "b")),
                Tabular.row("name", "=HYPERLINK(\"http://evil\")", "note", "+1", "list", null)));

        assertThat(csv).isEqualTo("name,note,list\r\n"
                + "\"Атабек, Арон\",\"said \"\"no\"\"\nthen left\",a; b\r\n"
                + "\"'=HYPERLINK(\"\"http://evil\"\")\",'+1,\r\n");
    }

    /** OWASP's list: a tab or carriage return before a formula is skipped by some spreadsheets, which then run it. */
    @Test
    void givenACellStartingWithATabOrCarriageReturn_whenWrittenAsCsv_thenItIsTextToo() {
        String csv = Tabular.csv(List.of("name", "facility"),
                List.of(Tabular.row("name", "\t=HYPERLINK(\"http://evil\")", "facility", "\r-2+3")));

        assertThat(csv).isEqualTo("name,facility\r\n\"'\t=HYPERLINK(\"\"http://evil\"\")\",\"'\r-2+3\"\r\n");
    }
}
