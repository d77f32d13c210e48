package org.mhtrigger.fhir.internal.spill;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import org.hl7.fhir.r4.model.IdType;
import org.mhtrigger.fhir.internal.Text;
import org.mhtrigger.fhir.internal.extract.FhirValues;

/**
 * What a resource's JSON says about where it belongs, read without HAPI: its type and id, and the references to its
 * patient and encounter. Immutable.
 *
 * @param type the resourceType
 * @param id the id as written, or {@code null}
 * @param subject the reference key of {@code subject} or {@code patient}, or {@code null}
 * @param encounter the reference key of {@code encounter}, of {@code context} or of the first {@code
 *     context.encounter}, or {@code null}
 */
public record Route(String type, String id, String subject, String encounter) {
    /** Reads the top level of a resource from a parser positioned before its first token; skips everything else. */
    public static Route scan(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String type = null;
        String id = null;
        String subject = null;
        String patient = null;
        String encounter = null;
        String context = null;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "resourceType" -> type = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "id" -> id = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "subject" -> subject = reference(parser);
                case "patient" -> patient = reference(parser);
                case "encounter" -> encounter = reference(parser);
                case "context" -> context = contextReference(parser);
                default -> parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
            return null; // trailing content: let the full parse name the problem
        }
        return type == null ? null : of(type, id, subject, patient, encounter, context);
    }

    /**
     * The route of a resource's top-level properties: {@code subject} before {@code patient}, {@code encounter} before
     * {@code context}.
     */
    public static Route of(String type, String id, String subject, String patient, String encounter, String context) {
        return new Route(type, id, subject != null ? subject : patient, encounter != null ? encounter : context);
    }

    /** The same from a JSON tree (a {@code .json} file or a Bundle entry). */
    public static Route of(JsonNode resource) {
        String subject = reference(resource.get("subject"));
        String encounter = reference(resource.get("encounter"));
        JsonNode id = resource.get("id");
        return new Route(
                resource.path("resourceType").asText(),
                id != null && id.isTextual() ? id.asText() : null,
                subject != null ? subject : reference(resource.get("patient")),
                encounter != null ? encounter : contextReference(resource.get("context")));
    }

    /**
     * {@link #reference(JsonNode)} read from the parser, on the value's first token, without building a tree; leaves
     * the parser on the value's last token. The last {@code reference} property counts, as in a tree.
     */
    private static String reference(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        String reference = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("reference".equals(name)) {
                reference = value == JsonToken.VALUE_STRING ? parser.getText() : null;
            }
            parser.skipChildren();
        }
        return reference == null ? null : FhirValues.referenceKey(reference);
    }

    /** {@link #contextReference(JsonNode)} read from the parser, on the same terms as {@link #reference(JsonParser)}. */
    private static String contextReference(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        String direct = null;
        String fromEncounters = null; // of the last encounter property, null unless it is an array
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("reference".equals(name)) {
                direct = value == JsonToken.VALUE_STRING ? parser.getText() : null;
            } else if ("encounter".equals(name)) {
                fromEncounters = null;
                if (value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        String key = reference(parser);
                        if (fromEncounters == null) {
                            fromEncounters = key;
                        }
                    }
                }
            }
            parser.skipChildren();
        }
        String key = direct == null ? null : FhirValues.referenceKey(direct);
        return key != null ? key : fromEncounters;
    }

    private static String reference(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode reference = node.get("reference");
        return reference != null && reference.isTextual() ? FhirValues.referenceKey(reference.asText()) : null;
    }

    /** {@code context} is a Reference in MedicationAdministration and holds {@code encounter[]} in DocumentReference. */
    private static String contextReference(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        String direct = reference(node);
        if (direct != null) {
            return direct;
        }
        JsonNode encounters = node.get("encounter");
        if (encounters != null && encounters.isArray()) {
            for (JsonNode encounter : encounters) {
                String key = reference(encounter);
                if (key != null) {
                    return key;
                }
            }
        }
        return null;
    }

    /**
     * The {@code Type/id} key the resource will be read under, as the read derives it after parsing: the
     * id, or the id in the Bundle entry's fullUrl; {@code null} without either.
     */
    public String key(String fullUrl) {
        String part = id == null ? null : Text.isPlainId(id, 0) ? id : new IdType(id).getIdPart();
        String idValue = part;
        if ((part == null || part.isBlank() || part.startsWith("urn:")) && fullUrl != null && !fullUrl.isBlank()) {
            idValue = idFromFullUrl(fullUrl);
        } else if (part != null && part.startsWith("urn:")) {
            idValue = idFromFullUrl(part);
        }
        return idValue == null || idValue.isBlank() ? null : type + "/" + idValue;
    }

    /** The patient id a reference key names, following the Bundle's fullUrls; {@code null} if it names no Patient. */
    static String patientId(String reference, Map<String, String> aliases) {
        String key = resolve(reference, aliases);
        return key != null && key.startsWith("Patient/") ? key.substring("Patient/".length()) : null;
    }

    static String resolve(String reference, Map<String, String> aliases) {
        if (reference == null) {
            return null;
        }
        return aliases.getOrDefault(reference, reference);
    }

    /** The id a Bundle entry's fullUrl gives: the part after {@code urn:uuid:} or {@code urn:oid:}, else its id part. */
    public static String idFromFullUrl(String fullUrl) {
        String url = fullUrl.trim();
        if (url.startsWith("urn:uuid:") || url.startsWith("urn:oid:")) {
            return url.substring(url.indexOf(':', 4) + 1);
        }
        IdType id = new IdType(url);
        return id.hasIdPart() ? id.getIdPart() : null;
    }
}
