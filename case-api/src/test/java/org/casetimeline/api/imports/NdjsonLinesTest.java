package org.casetimeline.api.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NdjsonLinesTest {

    @Test
    void givenLinesEndedEitherWay_andALastOneUnended_whenRead_thenEachLineWhole() throws IOException {
        // a Cyrillic letter (two bytes) placed across the 8 KiB read boundary, so a line is joined from two reads
        String across = "a".repeat(8191) + "Атабек";
        assertThat(all("{\"a\": 1}\r\n\n" + across + "\nlast")).containsExactly("{\"a\": 1}", "", across, "last");
        assertThat(all("")).isEmpty();
        assertThat(all("one\n")).containsExactly("one");
    }

    @Test
    void givenABytesThatIsNotUtf8OnTheThirdLine_whenRead_thenTheFirstTwoComeAndTheThirdIsRefused() throws IOException {
        byte[] body = "one\ntwo\nAron\nfour".getBytes(StandardCharsets.UTF_8);
        body[9] = (byte) 0xE9; // é in ISO-8859-1
        NdjsonLines lines = new NdjsonLines(new ByteArrayInputStream(body));
        assertThat(lines.next()).isEqualTo("one");
        assertThat(lines.next()).isEqualTo("two");
        assertThatThrownBy(lines::next).isInstanceOf(CharacterCodingException.class);
    }

    private static List<String> all(String text) throws IOException {
        NdjsonLines lines = new NdjsonLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        List<String> read = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            read.add(line);
        }
        return read;
    }
}
