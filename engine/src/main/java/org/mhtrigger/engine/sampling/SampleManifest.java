package org.mhtrigger.engine.sampling;

import java.util.List;
import java.util.Objects;

/**
 * A drawn review sample with everything needed to redraw it: the period, the criteria, the seed, the requested size,
 * the frame size and the protocol version. Immutable, thread-safe.
 *
 * @param period the review period
 * @param criteria the frame criteria and stratification
 * @param seed the seed of the draw
 * @param requestedSize how many stays were asked for
 * @param frameSize how many stays met the criteria
 * @param protocolVersion {@link Sampler#PROTOCOL_VERSION} of the sampler that drew it
 * @param chosen encounter ids of the sampled stays in draw order; {@code min(requestedSize, frameSize)} of them
 */
public record SampleManifest(
        ReviewPeriod period,
        SamplingCriteria criteria,
        long seed,
        int requestedSize,
        int frameSize,
        String protocolVersion,
        List<String> chosen) {
    public SampleManifest {
        Objects.requireNonNull(period, "period must not be null");
        Objects.requireNonNull(criteria, "criteria must not be null");
        Objects.requireNonNull(protocolVersion, "protocol version must not be null");
        if (requestedSize < 0) {
            throw new IllegalArgumentException("requested size " + requestedSize + " must be >= 0");
        }
        if (frameSize < 0) {
            throw new IllegalArgumentException("frame size " + frameSize + " must be >= 0");
        }
        chosen = List.copyOf(chosen);
        if (chosen.size() > frameSize) {
            throw new IllegalArgumentException(
                    chosen.size() + " chosen stays must not exceed the frame size " + frameSize);
        }
    }
}
