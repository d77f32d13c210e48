package org.mhtrigger.fhir.internal.spill;

/** An open-addressing map from 64-bit hashes to non-negative ints: about 20 bytes an entry. Not thread-safe. */
final class LongIntMap {
    private static final long FREE = 0L;
    private long[] keys = new long[1024];
    private int[] values = new int[1024];
    private int size;
    /** The value of the key {@code 0}, which marks free slots; {@code -1} when absent. */
    private int zeroValue = -1;

    /** The value of {@code key}, or {@code -1}. */
    int get(long key) {
        if (key == FREE) {
            return zeroValue;
        }
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
            if (keys[i] == FREE) {
                return -1;
            }
        }
    }

    void put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("value " + value + " must not be negative");
        }
        if (key == FREE) {
            zeroValue = value;
            return;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            if (keys[i] == FREE) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
