package org.mhtrigger.engine.screen;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One trigger of the catalogue. Immutable, thread-safe.
 *
 * @param code stable key, e.g. {@code MH-L01}
 * @param name short name, e.g. "Lithium high"
 * @param module the catalogue module: Care, Behaviour &amp; safety, Restrictive practice, Medication, Laboratory,
 *     Transitions, Quality of care
 * @param sources where it can be seen: {@code S}, {@code T}, {@code S+T}, or {@code -} for reviewer-only
 */
public record TriggerDefinition(String code, String name, String module, String sources) {
    private static final Pattern CODE = Pattern.compile("MH-[A-Z][0-9]{2}");

    public TriggerDefinition {
        Objects.requireNonNull(code, "code must not be null");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("trigger code '" + code + "' must look like MH-L01");
        }
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(module, "module must not be null");
        Objects.requireNonNull(sources, "sources must not be null");
    }

    public boolean structured() {
        return sources.contains("S");
    }

    public boolean text() {
        return sources.contains("T");
    }
}
