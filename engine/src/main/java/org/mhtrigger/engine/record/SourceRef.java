package org.mhtrigger.engine.record;

/**
 * The resource a fact came from, as named in the input: {@code type} is the FHIR resource type ("Observation",
 * "DocumentReference", …) and {@code id} its logical id. Immutable, thread-safe.
 */
public record SourceRef(String type, String id) {
    public SourceRef {
        Checks.requireText(type, "source type");
        Checks.requireText(id, "source id");
    }

    @Override
    public String toString() {
        return type + "/" + id;
    }
}
