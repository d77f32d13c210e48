package org.mhtrigger.fhir.internal.spill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpillOutTest {
    /** The spill files are read back with DataInputStream: SpillOut must write what DataOutputStream writes. */
    @Test
    void writesTheBytesDataOutputStreamWrites() throws IOException {
        Random random = new Random(7);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        // a small buffer, so that values straddle its end and long arrays bypass it
        try (DataOutputStream data = new DataOutputStream(expected);
                SpillOut spill = new SpillOut(actual, 64)) {
            for (int i = 0; i < 20_000; i++) {
                switch (random.nextInt(5)) {
                    case 0 -> {
                        long value = random.nextLong();
                        data.writeLong(value);
                        spill.writeLong(value);
                    }
                    case 1 -> {
                        int value = random.nextInt();
                        data.writeInt(value);
                        spill.writeInt(value);
                    }
                    case 2 -> {
                        boolean value = random.nextBoolean();
                        data.writeBoolean(value);
                        spill.writeBoolean(value);
                    }
                    case 3 -> {
                        String value = randomText(random);
                        data.writeUTF(value);
                        spill.writeUTF(value);
                    }
                    default -> {
                        byte[] value = new byte[random.nextInt(100)];
                        random.nextBytes(value);
                        data.write(value);
                        spill.write(value);
                    }
                }
            }
        }

        assertThat(actual.size()).isGreaterThan(100_000);
        assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
    }

    /** Letters, a NUL (two bytes in modified UTF-8), accented letters and a surrogate pair. */
    private static String randomText(Random random) {
        String[] parts = {"a", "Z", "\u0000", "é", "\u4e2d", "\ud83d\ude00", "urn:uuid:", "/"};
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(30); n > 0; n--) {
            text.append(parts[random.nextInt(parts.length)]);
        }
        return text.toString();
    }
}
