package org.mhtrigger.fhir.internal.extract;

/** Where the internals report rejections, warnings and stripped identifiers. Not thread-safe. */
public interface Reporter {
    void rejected(String source, String reason);

    void warning(String source, String reason);

    void stripped(int count);
}
