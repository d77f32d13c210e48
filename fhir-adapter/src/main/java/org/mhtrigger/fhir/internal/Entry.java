package org.mhtrigger.fhir.internal;

/**
 * One resource as read, before HAPI parses it: its JSON text and where it came from. Immutable.
 *
 * @param seq its place in the order of the whole read, so a group can replay its resources in that order
 * @param file index of the file among the files read
 * @param line the NDJSON line, or {@code 0} in a {@code .json} file
 * @param entry the Bundle entry (from 1), or {@code 0} when the resource is not in a Bundle
 * @param fullUrl the Bundle entry's fullUrl, or {@code null}
 * @param json the resource's JSON text
 * @param digest a 64-bit hash of {@code json}, to tell whether two copies of a resource differ
 */
record Entry(long seq, int file, int line, int entry, String fullUrl, String json, long digest) {
    /** Whether this is a whole NDJSON line (not a Bundle entry inside one). */
    boolean isLine() {
        return line > 0 && entry == 0;
    }

    /** FNV-1a over the UTF-16 code units: fast, and 64 bits make a false "same content" vanishingly rare. */
    static long digest(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
