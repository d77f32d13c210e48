package org.mhtrigger.engine.measure;

import java.util.List;
import java.util.Objects;
import org.mhtrigger.engine.sampling.ReviewPeriod;

/**
 * Everything one period's measures are computed from. Immutable, thread-safe.
 *
 * @param period the review period
 * @param protocol the sampling protocol used, as it is to be annotated on charts (e.g. "1.0, 20 a month")
 * @param sampled sampled stays whose review is authenticated
 * @param events confirmed events of those stays (events of other stays are ignored)
 * @param screened every screened stay that occupied a bed in the period, sampled or not
 * @param episodes restrictive-practice episodes of the screened stays (those outside the period are ignored)
 */
public record PeriodInput(
        ReviewPeriod period,
        String protocol,
        List<ReviewedStay> sampled,
        List<ConfirmedEvent> events,
        List<OccupiedStay> screened,
        List<RestrictiveEpisode> episodes) {
    public PeriodInput {
        Objects.requireNonNull(period, "period must not be null");
        protocol = protocol == null ? "" : protocol;
        sampled = List.copyOf(sampled);
        events = List.copyOf(events);
        screened = List.copyOf(screened);
        episodes = List.copyOf(episodes);
    }
}
