package org.casetimeline.api.exports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A chronology is quoted as evidence: text from a source must never make a heading, a list or a link of its own. */
class DocumentTest {

    @Test
    void givenACitationWithCarriageReturnsAndAHeadingUnderline_whenWritten_thenOneLineOfText() {
        assertThat(Document.markdownText("X\r\rReleased 2014-01-02\r===")).isEqualTo("X  Released 2014-01-02 ===");
        assertThat(Document.markdownText("a\r\nb\u2028c")).isEqualTo("a b c");
    }

    @Test
    void givenTextThatWouldOpenAListOrHeading_whenWritten_thenItsFirstMarkIsEscaped() {
        assertThat(Document.markdownText("- not a bullet")).isEqualTo("\\- not a bullet");
        assertThat(Document.markdownText("=== not an underline")).isEqualTo("\\=== not an underline");
        assertThat(Document.markdownText("1. not a numbered item")).isEqualTo("1\\. not a numbered item");
        assertThat(Document.markdownText("# [link](http://evil)")).isEqualTo("\\# \\[link\\](http://evil)");
        assertThat(Document.markdownText("Article 174, part 1")).as("plain text is left as it is")
                .isEqualTo("Article 174, part 1");
    }
}
