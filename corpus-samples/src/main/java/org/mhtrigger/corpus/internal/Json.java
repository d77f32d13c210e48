package org.mhtrigger.corpus.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small insertion-ordered JSON object for one FHIR resource, written out with Jackson's streaming generator. Not
 * thread-safe. Insertion order (never hash order) keeps the output byte-identical for the same seed.
 */
public final class Json {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public static Json object() {
        return new Json();
    }

    /** Adds a field; {@code null} values are left out so that builders can pass optional values straight in. */
    public Json put(String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    /** Appends {@code value} to the array field {@code name}, creating it when absent. */
    @SuppressWarnings("unchecked")
    public Json add(String name, Object value) {
        ((List<Object>) fields.computeIfAbsent(name, key -> new ArrayList<>())).add(value);
        return this;
    }

    public Object get(String name) {
        return fields.get(name);
    }

    public static List<Object> array(Object... values) {
        List<Object> list = new ArrayList<>(values.length);
        for (Object value : values) {
            if (value != null) {
                list.add(value);
            }
        }
        return list;
    }

    /** Closes every generator, even when one fails; then throws the first failure. */
    public static void closeAll(Iterable<JsonGenerator> generators) throws IOException {
        IOException failure = null;
        for (JsonGenerator generator : generators) {
            try {
                generator.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    public void write(JsonGenerator generator) throws IOException {
        generator.writeStartObject();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            generator.writeFieldName(field.getKey());
            writeValue(generator, field.getValue());
        }
        generator.writeEndObject();
    }

    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        switch (value) {
            case Json json -> json.write(generator);
            case String text -> generator.writeString(text);
            case BigDecimal number -> generator.writeNumber(number);
            case Integer number -> generator.writeNumber(number);
            case Long number -> generator.writeNumber(number);
            case Boolean flag -> generator.writeBoolean(flag);
            case List<?> list -> {
                generator.writeStartArray();
                for (Object item : list) {
                    writeValue(generator, item);
                }
                generator.writeEndArray();
            }
            default -> throw new IllegalArgumentException("unsupported JSON value type " + value.getClass());
        }
    }
}
