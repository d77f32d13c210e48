package org.mhtrigger.fhir.internal.spill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Entry#contentDigest} tells copies of a resource apart: it decides whether a duplicate differs. */
class EntryTest {

    /** The sample's distinct lines. */
    private static List<byte[]> sampleLines() throws IOException {
        return SampleLines.all().stream()
                .map(ByteBuffer::wrap)
                .distinct()
                .map(ByteBuffer::array)
                .toList();
    }

    @Test
    void everyDistinctLineOfTheSample_hasItsOwnDigest() throws IOException {
        List<byte[]> lines = sampleLines();
        Map<Long, byte[]> seen = new HashMap<>();

        for (byte[] line : lines) {
            byte[] other = seen.put(Entry.contentDigest(line), line);
            assertThat(other).as("a digest shared by two different lines").isNull();
        }
        assertThat(lines).hasSizeGreaterThan(8_000);
    }

    @Test
    void flippingAnyBitOfALine_changesItsDigest_andSoDoesChangingItsLength() throws IOException {
        for (byte[] line : sampleLines().subList(0, 40)) {
            long digest = Entry.contentDigest(line);
            for (int at = 0; at < line.length; at++) {
                for (int bit = 0; bit < 8; bit++) {
                    byte[] changed = line.clone();
                    changed[at] ^= (byte) (1 << bit);
                    assertThat(Entry.contentDigest(changed)).isNotEqualTo(digest);
                }
            }
            assertThat(Entry.contentDigest(java.util.Arrays.copyOf(line, line.length + 1)))
                    .isNotEqualTo(digest);
            assertThat(Entry.contentDigest(java.util.Arrays.copyOf(line, line.length - 1)))
                    .isNotEqualTo(digest);
        }
    }

    @Test
    void shortTexts_ofEveryLengthUpToThreeWordsAndABit_haveDistinctDigests() {
        Map<Long, String> seen = new HashMap<>();
        for (int length = 0; length <= 26; length++) {
            for (char c : "{}a0\"".toCharArray()) {
                for (int at = 0; at <= length; at++) {
                    String text = "x".repeat(length).substring(0, at)
                            + (at < length ? c : "")
                            + "x".repeat(Math.max(0, length - at - 1));
                    String other = seen.putIfAbsent(
                            Entry.contentDigest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), text);
                    assertThat(other == null || other.equals(text))
                            .as(text + " and " + other)
                            .isTrue();
                }
            }
        }
        assertThat(seen).hasSizeGreaterThan(500);
    }
}
