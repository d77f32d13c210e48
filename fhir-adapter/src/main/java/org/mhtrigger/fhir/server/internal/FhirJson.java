package org.mhtrigger.fhir.server.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Small readings of FHIR JSON with Jackson, for search Bundles and Encounters. Stateless, thread-safe. */
public final class FhirJson {
    public static final ObjectMapper JSON = new ObjectMapper();

    private FhirJson() {}

    /** A searchset page: its resources and the URL of the next page ({@code null} on the last). */
    public record Page(List<JsonNode> resources, String next) {}

    /** Parses a search page; an unusable body is retried by {@link RetryingHttp}. */
    public static Page page(String body) {
        JsonNode bundle;
        try {
            bundle = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new RetryingHttp.UnusableBody("the page is not JSON (truncated?)", e);
        }
        if (bundle == null || !"Bundle".equals(bundle.path("resourceType").asText())) {
            throw new RetryingHttp.UnusableBody("the page is not a FHIR Bundle", null);
        }
        List<JsonNode> resources = new ArrayList<>();
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode resource = entry.get("resource");
            if (resource != null
                    && resource.hasNonNull("id")
                    && !"OperationOutcome".equals(resource.path("resourceType").asText())) {
                resources.add(resource);
            }
        }
        String next = null;
        for (JsonNode link : bundle.path("link")) {
            if ("next".equals(link.path("relation").asText()) && link.hasNonNull("url")) {
                next = link.get("url").asText();
            }
        }
        return new Page(resources, next);
    }

    /** A single resource read by id. */
    public static JsonNode resource(String body) {
        try {
            JsonNode resource = JSON.readTree(body);
            if (resource == null || !resource.hasNonNull("resourceType")) {
                throw new RetryingHttp.UnusableBody("the answer is not a FHIR resource", null);
            }
            return resource;
        } catch (JsonProcessingException e) {
            throw new RetryingHttp.UnusableBody("the answer is not JSON (truncated?)", e);
        }
    }

    /** The logical id at the end of a reference ({@code Patient/p-1}, absolute or relative), {@code null} if none. */
    public static String referencedId(JsonNode reference, String type) {
        String value = reference.path("reference").asText(null);
        if (value == null) {
            return null;
        }
        int history = value.indexOf("/_history/");
        if (history >= 0) {
            value = value.substring(0, history);
        }
        int marker = value.lastIndexOf(type + "/");
        if (marker < 0 || (marker > 0 && value.charAt(marker - 1) != '/')) {
            return null;
        }
        String id = value.substring(marker + type.length() + 1);
        return id.isEmpty() || id.contains("/") ? null : id;
    }

    /** The UTC day of a FHIR date or date-time, {@code null} if it has no day. */
    public static LocalDate utcDay(String value) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value);
            }
            if (value.length() > 10) {
                return OffsetDateTime.parse(value)
                        .atZoneSameInstant(ZoneOffset.UTC)
                        .toLocalDate();
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    public static String compact(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree must serialise", e);
        }
    }
}
