package org.mhtrigger.review.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodesTest {
    private static final Instant DAY = Instant.parse("2025-03-03T06:00:00Z");

    private static Instant hours(long h) {
        return DAY.plusSeconds(h * 3600);
    }

    @Test
    void findingsWithinThreeDaysOfTheNext_areOneEvent_andALaterRunIsAnother() {
        List<Instant> times = List.of(hours(200), hours(0), hours(2), hours(70), hours(220));

        List<List<Instant>> episodes = RecordPage.episodes(times, t -> t);

        assertThat(episodes).containsExactly(List.of(hours(0), hours(2), hours(70)), List.of(hours(200), hours(220)));
    }

    @Test
    void aFindingWithoutATime_joinsTheFirstEvent() {
        List<Instant> times = Arrays.asList(hours(100), null, hours(0));

        List<List<Instant>> episodes = RecordPage.episodes(times, t -> t);

        assertThat(episodes).hasSize(2);
        assertThat(episodes.getFirst()).containsExactly(null, hours(0));
        assertThat(episodes.get(1)).containsExactly(hours(100));
    }
}
