package org.casetimeline.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    record Note(String text, List<String> lines, Map<String, String> labels) {
    }

    @Test
    void textInAnyScriptWithLineBreaksIsPlain() {
        for (String text : List.of("Арон Атабек", "Арон Атабек, ақын", "آرون آتابک", "✊🏽 hunger strike", "e\u0301",
                "line one\nline two\r\n\ttabbed")) {
            assertThat(PlainText.problem(text)).as(text).isNull();
        }
    }

    @Test
    void nulControlCharactersAndUnpairedSurrogatesAreNot() {
        assertThat(PlainText.problem("a\u0000b")).isEqualTo("contains a control character (U+0000)");
        assertThat(PlainText.problem("bell\u0007")).isEqualTo("contains a control character (U+0007)");
        assertThat(PlainText.problem("del\u007f")).isEqualTo("contains a control character (U+007F)");
        assertThat(PlainText.problem("\ud800 alone")).isEqualTo("contains an unpaired surrogate");
        assertThat(PlainText.problem("tail \ud83d")).isEqualTo("contains an unpaired surrogate");
        assertThat(PlainText.problem("\udc00 low first")).isEqualTo("contains an unpaired surrogate");
    }

    @Test
    void aCommandIsSearchedThroughItsRecordsListsAndMaps_andTheFieldIsNamed() {
        PlainText.require(new Note("fine", List.of("fine"), Map.of("k", "v")));

        assertThatThrownBy(() -> PlainText.require(new Note("fine", List.of("ok", "bad\u0000"), Map.of())))
                .isInstanceOf(InvalidFact.class).extracting(e -> ((InvalidFact) e).field()).isEqualTo("lines[1]");
        assertThatThrownBy(() -> PlainText.require(new Note("fine", List.of(), Map.of("k", "\ud800"))))
                .isInstanceOf(InvalidFact.class).extracting(e -> ((InvalidFact) e).field()).isEqualTo("labels.k");
    }
}
