package org.mhtrigger.fhir.internal.mapping;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The results of a pure function, kept for keys that come again: an export repeats a few hundred codings and drug
 * names millions of times. It starts afresh when it reaches its limit, so an input of endless distinct keys only
 * stops profiting. Thread-safe if the function is.
 */
public final class BoundedMemo<K, V> {
    private final Map<K, V> values = new ConcurrentHashMap<>();
    private final int limit;
    private final Function<K, V> function;

    public BoundedMemo(int limit, Function<K, V> function) {
        this.limit = limit;
        this.function = function;
    }

    /** {@code function(key)}, computed once while it is kept; neither may be {@code null}. */
    public V get(K key) {
        V known = values.get(key);
        if (known != null) {
            return known;
        }
        V computed = function.apply(key);
        if (values.size() >= limit) {
            values.clear();
        }
        values.put(key, computed);
        return computed;
    }
}
