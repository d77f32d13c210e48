package org.mhtrigger.fhir.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ByteLines} splits lines where {@link BufferedReader#readLine} does, so line numbers never change. */
class ByteLinesTest {
    private static List<String> byteLines(byte[] input, int chunk) throws IOException {
        List<String> lines = new ArrayList<>();
        try (ByteLines reader = new ByteLines(new Trickle(input, chunk))) {
            byte[] line;
            while ((line = reader.next()) != null) {
                lines.add(new String(line, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    private static List<String> readerLines(byte[] input) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void everyMixOfLineEndings_splitsAsBufferedReaderDoes_howeverTheInputArrives() throws IOException {
        Random random = new Random(20261124L);
        String[] pieces = {"\n", "\r", "\r\n", "\n\n", "\r\r", "\n\r", "{\"a\":1}", "x", "é", " ", ""};
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            int count = random.nextInt(30);
            for (int i = 0; i < count; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] input = text.toString().getBytes(StandardCharsets.UTF_8);
            int chunk = 1 + random.nextInt(7);

            assertThat(byteLines(input, chunk))
                    .as(
                            "%s in chunks of %d",
                            text.toString().replace("\r", "\\r").replace("\n", "\\n"), chunk)
                    .isEqualTo(readerLines(input));
        }
    }

    @Test
    void aLineLongerThanTheBuffer_comesWhole() throws IOException {
        String longLine = "y".repeat(300_000);
        byte[] input = ("short\r\n" + longLine + "\rlast").getBytes(StandardCharsets.UTF_8);

        assertThat(byteLines(input, 100_000)).containsExactly("short", longLine, "last");
    }

    @Test
    void blankAndByteOrderMark_areToldOnTheBytes() {
        assertThat(ByteLines.isBlank(new byte[0])).isTrue();
        assertThat(ByteLines.isBlank(" \t\u000B\f".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(ByteLines.isBlank("\u2003 ".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(ByteLines.isBlank(" {} ".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(ByteLines.isBlank("\u00A0".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(ByteLines.startsWithByteOrderMark("\uFEFF{}".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(ByteLines.startsWithByteOrderMark("{}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }

    /** Hands out at most {@code chunk} bytes a read, as a slow file or pipe may. */
    private static final class Trickle extends InputStream {
        private final byte[] data;
        private final int chunk;
        private int position;

        Trickle(byte[] data, int chunk) {
            this.data = data;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position == data.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, chunk), data.length - position);
            System.arraycopy(data, position, target, offset, n);
            position += n;
            return n;
        }
    }

    @Test
    void aLineLongerThanTheMaximum_isSkippedWithItsLength_andTheLinesAroundItKeepTheirNumbers() throws IOException {
        String longLine = "x".repeat(300_000);
        byte[] input = ("first\r\n" + longLine + "\r\nthird\n" + longLine).getBytes(StandardCharsets.US_ASCII);
        for (int chunk : new int[] {1_000, 7, 1 << 20}) {
            List<Object> seen = new ArrayList<>();
            try (ByteLines reader = new ByteLines(new Trickle(input, chunk), 100_000)) {
                byte[] line;
                while ((line = reader.next()) != null) {
                    seen.add(
                            line == ByteLines.TOO_LONG
                                    ? reader.skippedLength()
                                    : new String(line, StandardCharsets.US_ASCII));
                }
            }

            assertThat(seen).as("chunk " + chunk).containsExactly("first", 300_000L, "third", 300_000L);
        }
    }
}
