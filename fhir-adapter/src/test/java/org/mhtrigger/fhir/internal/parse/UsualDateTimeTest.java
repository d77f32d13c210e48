package org.mhtrigger.fhir.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Random;
import java.util.function.Function;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.junit.jupiter.api.Test;

class UsualDateTimeTest {
    private static final String[] OFFSETS = {
        "Z", "+00:00", "-00:00", "+08:00", "-05:30", "+14:00", "+17:59", "+18:00", "-23:00", "+08:60", "z", "+0800", ""
    };

    @Test
    void theFastPathTypes_holdTheTextAndInstantHapisOwnParseGives_orRefuseWhatItRefuses() {
        long seed = 20261206L;
        Random random = new Random(seed);
        int handRead = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = randomDateTime(random);
            handRead += UsualDateTime.date(text) != null ? 1 : 0;
            assertSame(text, seed, DateTimeType::new, UsualDateTime.PlainDateTime::new);
            assertSame(text, seed, InstantType::new, UsualDateTime.PlainInstant::new);
        }
        // the test would prove nothing if the hand-read path were never taken
        assertThat(handRead).isGreaterThan(5_000);
    }

    @Test
    void valuesBeforeTheGregorianChange_andLeapSeconds_goToHapi() {
        // java.util.GregorianCalendar counts days before 1582 on the Julian calendar, java.time does not
        assertThat(UsualDateTime.date("1500-03-01T00:00:00Z")).isNull();
        assertThat(UsualDateTime.date("2016-12-31T23:59:60Z")).isNull();
        assertThat(new UsualDateTime.PlainDateTime("1500-03-01T00:00:00Z").getValue())
                .isEqualTo(new DateTimeType("1500-03-01T00:00:00Z").getValue());
        assertThat(UsualDateTime.date("2024-02-29T23:59:59.5+01:00"))
                .isEqualTo(Date.from(java.time.Instant.parse("2024-02-29T22:59:59.500Z")));
    }

    private static void assertSame(
            String text, long seed, Function<String, BaseDateTimeType> hapi, Function<String, BaseDateTimeType> plain) {
        BaseDateTimeType expected;
        try {
            expected = hapi.apply(text);
        } catch (RuntimeException refused) {
            expected = null;
        }
        BaseDateTimeType actual;
        try {
            actual = plain.apply(text);
        } catch (RuntimeException refused) {
            actual = null;
        }
        if (expected == null) {
            assertThat(actual).as("%s (seed %d) is refused by HAPI", text, seed).isNull();
            return;
        }
        assertThat(actual).as("%s (seed %d) is read by HAPI", text, seed).isNotNull();
        assertThat(actual.getValueAsString()).as(text).isEqualTo(expected.getValueAsString());
        assertThat(actual.getValue()).as("%s (seed %d)", text, seed).isEqualTo(expected.getValue());
    }

    /** Mostly valid values near the edges of each field, some out of range, some in other forms. */
    private static String randomDateTime(Random random) {
        return String.format(
                "%04d-%02d-%02dT%02d:%02d:%02d%s%s",
                switch (random.nextInt(10)) {
                    case 0 -> random.nextInt(10_000);
                    case 1 -> 1580 + random.nextInt(40);
                    default -> 1999 + random.nextInt(30);
                },
                random.nextInt(14),
                random.nextInt(33),
                random.nextInt(26),
                random.nextInt(61),
                random.nextInt(62),
                switch (random.nextInt(4)) {
                    case 0 -> "";
                    case 1 -> "." + "123456789012".substring(0, random.nextInt(12));
                    default -> "." + "5".repeat(1 + random.nextInt(9));
                },
                OFFSETS[random.nextInt(OFFSETS.length)]);
    }
}
