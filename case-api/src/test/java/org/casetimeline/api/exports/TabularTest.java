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
}
