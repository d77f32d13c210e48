package org.mhtrigger.rules.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.screen.TextHit;

/**
 * Collects what the rules fire during one evaluation: the DRL global {@code out}. Not thread-safe: one per session.
 */
public final class FindingSink {
    /**
     * One fired trigger before it becomes a finding.
     *
     * @param span {@code null} for structured findings
     */
    public record Fired(String trigger, SourceRef source, TextSpan span, String evidence, Instant at) {}

    private final List<Fired> fired = new ArrayList<>();

    /** A trigger shown by a structured resource. */
    public void structured(String trigger, SourceRef source, String evidence, Instant at) {
        fired.add(new Fired(trigger, source, null, evidence, at));
    }

    /** A trigger shown by an affirmed mention in a note. */
    public void text(TextHit hit) {
        fired.add(new Fired(hit.trigger(), hit.source(), hit.span(), hit.sentence(), hit.time()));
    }

    /** Another trigger shown by the same mention (a suicide attempt is also self-harm). */
    public void text(TextHit hit, String trigger) {
        fired.add(new Fired(trigger, hit.source(), hit.span(), hit.sentence(), hit.time()));
    }

    /** Everything fired, in firing order. */
    public List<Fired> fired() {
        return List.copyOf(fired);
    }
}
