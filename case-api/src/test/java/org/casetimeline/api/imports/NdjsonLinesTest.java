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
        assertThat(all("{\"a\": 1}\r\n\nmiddle\nlast")).containsExactly("{\"a\": 1}", "", "middle", "last");
        // a Cyrillic letter's two bytes at 8191 and 8192, across the 8 KiB read boundary; and a \r\n split by it
        String across = "a".repeat(8191) + "Атабек";
        // 8,191 + 12 bytes and a \n: the next line starts at byte 8,204, and 8,179 of its bytes put its \r at 16,383
        assertThat(all(across + "\n" + "b".repeat(8179) + "\r\nend"))
                .containsExactly(across, "b".repeat(8179), "end");
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
