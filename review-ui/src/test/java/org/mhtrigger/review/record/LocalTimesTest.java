package org.mhtrigger.review.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.ConfigurationException;

class LocalTimesTest {
    @Test
    void timesReadAsClinciansWriteThem_inTheOrganisationsZone() {
        LocalTimes london = new LocalTimes("Europe/London");
        LocalTimes singapore = new LocalTimes("Asia/Singapore");

        assertThat(london.format(Instant.parse("2025-03-03T06:00:00Z"))).isEqualTo("Mon 3 Mar 2025 06:00");
        // summer time: 06:00 UTC is 07:00 in London
        assertThat(london.format(Instant.parse("2025-07-01T06:00:00Z"))).isEqualTo("Tue 1 Jul 2025 07:00");
        assertThat(singapore.format(Instant.parse("2025-03-03T20:00:00Z"))).isEqualTo("Tue 4 Mar 2025 04:00");
        assertThat(london.iso(Instant.parse("2025-07-01T06:00:00Z"))).isEqualTo("2025-07-01T07:00:00+01:00");
    }

    @Test
    void rangesAreWrittenShort() {
        LocalTimes times = new LocalTimes("Europe/London");

        assertThat(times.range(Instant.parse("2025-03-03T08:00:00Z"), Instant.parse("2025-03-14T20:00:00Z")))
                .isEqualTo("3–14 Mar 2025");
        assertThat(times.range(Instant.parse("2025-02-28T08:00:00Z"), Instant.parse("2025-03-03T20:00:00Z")))
                .isEqualTo("28 Feb – 3 Mar 2025");
        assertThat(times.range(Instant.parse("2024-12-30T08:00:00Z"), Instant.parse("2025-01-02T20:00:00Z")))
                .isEqualTo("30 Dec 2024 – 2 Jan 2025");
        assertThat(times.range(Instant.parse("2025-03-03T08:00:00Z"), Instant.parse("2025-03-03T09:00:00Z")))
                .isEqualTo("3 Mar 2025");
    }

    @Test
    void aZoneThatDoesNotExist_isAOneLineConfigurationError() {
        assertThatThrownBy(() -> new LocalTimes("Europe/Londres"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("mhtrigger.time-zone 'Europe/Londres' is not a time zone: give an IANA name such as"
                        + " Europe/London or Asia/Singapore");
    }

    @Test
    void noSetting_meansTheServersZone() {
        assertThat(new LocalTimes("").zone()).isEqualTo(java.time.ZoneId.systemDefault());
    }
}
