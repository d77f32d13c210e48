package org.mhtrigger.fhir.internal.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.StringType;
import org.mhtrigger.fhir.internal.Text;
import org.mhtrigger.fhir.internal.guard.IdentifierScan;

/**
 * A fast path past HAPI's parser for the resources that make up nearly all of an export (Observations,
 * DocumentReferences, DiagnosticReports, medication orders and administrations, Encounters, Conditions, Procedures,
 * Flags, CarePlans and RiskAssessments) when they are written in the plain shape exporters use. Thread-safe.
 *
 * <p>One generic reader ({@link Shape#read}) walks Jackson's tokens and builds the HAPI model from a table: per
 * resource type, backbone element and data type, the properties it reads, one {@link Row} each (its JSON name, how its
 * value is read and where it is set). Adding a field is adding a row. HAPI's own parser, which walks its model
 * definitions element by element, costs several times more.
 *
 * <p>Every property must be a row of its object's table, with a value of the expected JSON type, a non-blank string
 * without surrounding white space, a known status code and a date HAPI accepts, and {@code resourceType} must come
 * first, as exporters write it. Anything else (extensions, narrative, contained resources, an unknown property, base64
 * that is not strict) makes {@link #read} answer {@code null}, and the caller parses with HAPI as before.
 *
 * <p>The tables hold no element the anonymisation guard looks for: no Patient, no name, address, telecom, photo or
 * identifier ({@code PlainResourcesGuardTest} holds them against {@link IdentifierScan#IDENTIFYING_TYPES}), so a
 * resource carrying one always goes through HAPI and the scan. The one element the guard counts only by its context,
 * a display on a reference to a Patient (or on a {@code urn:} reference, which may be one), is refused by the
 * Reference row's check.
 */
public final class PlainResources {
    /**
     * No comments. Decimals are read exactly, from the text. Duplicate keys are refused by {@link Shape#readInto}
     * itself, as a plain resource has none: cheaper than the parser's detector, which hashes every object's names.
     */
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * A resource read on the fast path; {@code inline} is the attachments of a DocumentReference's content or of a
     * DiagnosticReport's presented form, decoded.
     */
    public record Plain(Resource resource, List<Inline> inline) {
        public Plain {
            inline = List.copyOf(inline);
        }
    }

    /**
     * An attachment's inline data, decoded.
     *
     * @param contentType its content type, or {@code null} if none is given
     * @param data the decoded bytes, or {@code null} if the attachment has no inline data
     */
    public record Inline(String contentType, byte[] data) {}

    /** Refuses the fast path: thrown where the resource leaves the plain shape, caught in {@link #read}. */
    private static final class NotPlain extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();

    private PlainResources() {}

    // ---- the generic reader ----

    /** Reads one JSON value, the parser on its first token; leaves the parser on its last token. */
    @FunctionalInterface
    public interface Reader<V> {
        V read(JsonParser value) throws IOException;

        /** The table this reader reads an object with, or {@code null} for a primitive. */
        default Shape<?> shape() {
            return null;
        }
    }

    /** What a row does with its value, on the same terms as {@link Reader}. */
    @FunctionalInterface
    private interface Action<T> {
        void read(JsonParser value, T into) throws IOException;
    }

    /**
     * One property an object reads.
     *
     * @param name its JSON name
     * @param shape the table its value (or each element of it) is read with, or {@code null} for a primitive
     * @param built whether the value is set on the HAPI model ({@code false}: only checked, no extraction reads it)
     */
    public record Row<T>(String name, Shape<?> shape, boolean built, Action<T> action) {}

    /**
     * The table of an object: a resource type, a backbone element or a data type, read into a new {@code T}.
     *
     * @param fhirType the FHIR name of what it reads ({@code Observation}, {@code Observation.component}, {@code
     *     CodeableConcept}), so a test can find each row in HAPI's definitions
     */
    public static final class Shape<T> implements Reader<T> {
        private final String fhirType;
        private final Supplier<T> create;
        private final Map<String, Row<T>> rows = new LinkedHashMap<>();
        private final Check<T> check;

        @SafeVarargs
        private Shape(String fhirType, Supplier<T> create, Check<T> check, Row<T>... rows) {
            this.fhirType = fhirType;
            this.create = create;
            this.check = check;
            for (Row<T> row : rows) {
                if (this.rows.put(row.name(), row) != null) {
                    throw new IllegalStateException(fhirType + " has two rows named " + row.name());
                }
            }
        }

        public String fhirType() {
            return fhirType;
        }

        public List<Row<T>> rows() {
            return List.copyOf(rows.values());
        }

        @Override
        public Shape<?> shape() {
            return this;
        }

        /** A new {@code T} read from a non-empty object. */
        @Override
        public T read(JsonParser value) throws IOException {
            T into = create.get();
            if (value.currentToken() != JsonToken.START_OBJECT || value.nextToken() != JsonToken.FIELD_NAME) {
                throw NOT_PLAIN;
            }
            readInto(value, into, new String[KEYS], 0);
            check.check(into);
            return into;
        }

        /** Reads a non-empty object's properties into an element that already exists (a backbone element). */
        void readExisting(JsonParser value, T into) throws IOException {
            if (value.currentToken() != JsonToken.START_OBJECT || value.nextToken() != JsonToken.FIELD_NAME) {
                throw NOT_PLAIN;
            }
            readInto(value, into, new String[KEYS], 0);
        }

        /**
         * Reads properties from the parser, on a FIELD_NAME, to the object's END_OBJECT; {@code keys} holds the first
         * {@code count} names already read (to refuse a duplicate).
         */
        private void readInto(JsonParser node, T into, String[] keys, int count) throws IOException {
            do {
                String key = node.currentName();
                keys = remember(keys, count++, key);
                Row<T> row = rows.get(key);
                if (row == null) {
                    throw NOT_PLAIN;
                }
                node.nextToken();
                row.action().read(node, into);
            } while (node.nextToken() == JsonToken.FIELD_NAME);
            if (node.currentToken() != JsonToken.END_OBJECT) {
                throw NOT_PLAIN;
            }
        }

        /** The rest of a resource's object, after its {@code resourceType}: it may have no other property. */
        private T readResource(JsonParser node) throws IOException {
            T into = create.get();
            String[] keys = new String[KEYS];
            keys[0] = "resourceType";
            if (node.nextToken() == JsonToken.FIELD_NAME) {
                readInto(node, into, keys, 1);
            } else if (node.currentToken() != JsonToken.END_OBJECT) {
                throw NOT_PLAIN;
            }
            check.check(into);
            return into;
        }
    }

    /** A condition on a whole object once read; throws {@link #NOT_PLAIN} when it does not hold. */
    @FunctionalInterface
    private interface Check<T> {
        void check(T read);
    }

    private static <T> Check<T> none() {
        return read -> {};
    }

    /** Room for the keys of most objects before {@link #remember} grows it. */
    private static final int KEYS = 8;

    /** Adds {@code key} as the {@code count}th key of an object, refusing one it already has. */
    private static String[] remember(String[] keys, int count, String key) {
        for (int i = 0; i < count; i++) {
            if (keys[i].equals(key)) {
                throw NOT_PLAIN;
            }
        }
        String[] room = count < keys.length ? keys : Arrays.copyOf(keys, keys.length * 2);
        room[count] = key;
        return room;
    }

    /** Hands each element of a non-empty array to {@code element}. */
    private static void each(JsonParser node, Reader<?> element, java.util.function.Consumer<Object> sink)
            throws IOException {
        if (node.currentToken() != JsonToken.START_ARRAY || node.nextToken() == JsonToken.END_ARRAY) {
            throw NOT_PLAIN;
        }
        do {
            sink.accept(element.read(node));
        } while (node.nextToken() != JsonToken.END_ARRAY);
    }

    // ---- the kinds of row ----

    /** A property read and set: {@code set.accept(into, reader.read(value))}. */
    private static <T, V> Row<T> one(String name, Reader<V> reader, BiConsumer<T, V> set) {
        return new Row<>(name, reader.shape(), true, (value, into) -> set.accept(into, reader.read(value)));
    }

    /** An array property, each element read and added. */
    @SuppressWarnings("unchecked")
    private static <T, V> Row<T> many(String name, Reader<V> reader, BiConsumer<T, V> add) {
        return new Row<>(
                name, reader.shape(), true, (value, into) -> each(value, reader, v -> add.accept(into, (V) v)));
    }

    /** A property only checked: read and thrown away, as no extraction uses it. */
    private static <T> Row<T> checked(String name, Reader<?> reader) {
        return new Row<>(name, reader.shape(), false, (value, into) -> reader.read(value));
    }

    /** An array property only checked. */
    private static <T> Row<T> checkedMany(String name, Reader<?> reader) {
        return new Row<>(name, reader.shape(), false, (value, into) -> each(value, reader, v -> {}));
    }

    /** A backbone element the HAPI object already holds ({@code get}), read with {@code shape}. */
    private static <T, C> Row<T> part(String name, Function<T, C> get, Shape<C> shape) {
        return new Row<>(name, shape, true, (value, into) -> shape.readExisting(value, get.apply(into)));
    }

    /** An array of backbone elements, each added to the HAPI object ({@code add}) and read with {@code shape}. */
    private static <T, C> Row<T> parts(String name, Function<T, C> add, Shape<C> shape) {
        return new Row<>(name, shape, true, (value, into) -> {
            if (value.currentToken() != JsonToken.START_ARRAY || value.nextToken() == JsonToken.END_ARRAY) {
                throw NOT_PLAIN;
            }
            do {
                shape.readExisting(value, add.apply(into));
            } while (value.nextToken() != JsonToken.END_ARRAY);
        });
    }

    @SafeVarargs
    private static <T> Shape<T> shape(String fhirType, Supplier<T> create, Row<T>... rows) {
        return new Shape<>(fhirType, create, none(), rows);
    }

    /** A reader that reads with {@code shape} and then turns what it read into something else. */
    private static <A, B> Reader<B> map(Shape<A> shape, Function<A, B> then) {
        return new Reader<>() {
            @Override
            public B read(JsonParser value) throws IOException {
                return then.apply(shape.read(value));
            }

            @Override
            public Shape<?> shape() {
                return shape;
            }
        };
    }

    // ---- primitives ----

    /** A non-blank string without surrounding white space (HAPI's handling of other strings is its own). */
    private static final Reader<String> STRING = node -> {
        if (node.currentToken() != JsonToken.VALUE_STRING) {
            throw NOT_PLAIN;
        }
        String text = node.getText();
        if (text.isEmpty()
                || Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1))) {
            throw NOT_PLAIN;
        }
        return text;
    };

    private static final Reader<StringType> STRING_TYPE = node -> new StringType(STRING.read(node));
    private static final Reader<DateTimeType> DATE_TIME = node -> new UsualDateTime.PlainDateTime(STRING.read(node));
    private static final Reader<InstantType> INSTANT = node -> new UsualDateTime.PlainInstant(STRING.read(node));

    private static final Reader<IntegerType> INTEGER = node -> {
        if (node.currentToken() != JsonToken.VALUE_NUMBER_INT || node.getNumberType() != JsonParser.NumberType.INT) {
            throw NOT_PLAIN;
        }
        return new IntegerType(node.getIntValue());
    };

    private static final Reader<BooleanType> BOOLEAN = node -> {
        if (!node.currentToken().isBoolean()) {
            throw NOT_PLAIN;
        }
        return new BooleanType(node.getBooleanValue());
    };

    private static final Reader<BigDecimal> DECIMAL = node -> {
        if (!node.currentToken().isNumeric()) {
            throw NOT_PLAIN;
        }
        return node.getDecimalValue();
    };

    /** Strict base64: anything else is left to HAPI, which decodes leniently. */
    private static final Reader<byte[]> BASE64 = node -> Base64.getDecoder().decode(STRING.read(node));

    /** A resource id as exporters write them: up to 64 letters, digits, {@code -} and {@code .}. */
    private static final Reader<String> ID = node -> {
        String id = STRING.read(node);
        if (id.length() > 64 || !Text.isPlainId(id, 0)) {
            throw NOT_PLAIN;
        }
        return id;
    };

    /** A code of a HAPI enumeration; an unknown code throws, and HAPI's parser decides. */
    private static <E> Reader<E> code(Function<String, E> fromCode) {
        return node -> fromCode.apply(STRING.read(node));
    }

    // ---- data types ----

    private static final Shape<Coding> CODING = shape(
            "Coding",
            Coding::new,
            one("system", STRING, Coding::setSystem),
            one("version", STRING, Coding::setVersion),
            one("code", STRING, Coding::setCode),
            one("display", STRING, Coding::setDisplay));

    private static final Shape<CodeableConcept> CONCEPT = shape(
            "CodeableConcept",
            CodeableConcept::new,
            many("coding", CODING, CodeableConcept::addCoding),
            one("text", STRING, CodeableConcept::setText));

    /**
     * A reference, with its type and display if given, as long as a display does not sit on a reference to a Patient
     * or on a {@code urn:} reference (which may be to a Patient entry of the Bundle), where it would be the patient's
     * name (the identifier scan counts those). An identifier on a reference is left to HAPI.
     */
    private static final Shape<Reference> REFERENCE = new Shape<>(
            "Reference",
            Reference::new,
            reference -> {
                if (IdentifierScan.mayNamePatient(reference)) {
                    throw NOT_PLAIN;
                }
            },
            one("reference", STRING, Reference::setReference),
            one("type", STRING, Reference::setType),
            one("display", STRING, Reference::setDisplay));

    private static final Shape<Period> PERIOD = shape(
            "Period",
            Period::new,
            one("start", DATE_TIME, Period::setStartElement),
            one("end", DATE_TIME, Period::setEndElement));

    private static final Shape<Quantity> QUANTITY = shape(
            "Quantity",
            Quantity::new,
            one("value", DECIMAL, Quantity::setValue),
            one("unit", STRING, Quantity::setUnit),
            one("system", STRING, Quantity::setSystem),
            one("code", STRING, Quantity::setCode));

    /** Checked, not built: nothing reads the meta. */
    private static final Shape<Object> META = shape(
            "Meta",
            Object::new,
            checked("versionId", STRING),
            checked("source", STRING),
            checked("lastUpdated", INSTANT),
            checkedMany("profile", STRING),
            checkedMany("tag", CODING),
            checkedMany("security", CODING));

    /** An attachment's parts as read; the HAPI attachment itself is not built (the extractor reads {@link Inline}). */
    private static final class Attached {
        String contentType;
        byte[] data;
        Inline inline;
    }

    private static final Shape<Attached> ATTACHMENT_PARTS = shape(
            "Attachment",
            Attached::new,
            one("contentType", STRING, (a, v) -> a.contentType = v),
            one("data", BASE64, (a, v) -> a.data = v),
            checked("language", STRING),
            checked("title", STRING),
            checked("creation", STRING));

    private static final Reader<Inline> ATTACHMENT = map(ATTACHMENT_PARTS, a -> new Inline(a.contentType, a.data));

    /** One DocumentReference content entry: its attachment, decoded; it must have one. */
    private static final Reader<Inline> CONTENT = map(
            new Shape<Attached>(
                    "DocumentReference.content",
                    Attached::new,
                    content -> {
                        if (content.inline == null) {
                            throw NOT_PLAIN;
                        }
                    },
                    one("attachment", ATTACHMENT, (c, v) -> c.inline = v),
                    checked("format", CODING)),
            c -> c.inline);

    // ---- backbone elements ----

    private static final Shape<Observation.ObservationComponentComponent> COMPONENT = shape(
            "Observation.component",
            Observation.ObservationComponentComponent::new,
            one("code", CONCEPT, Observation.ObservationComponentComponent::setCode),
            one("valueQuantity", QUANTITY, Observation.ObservationComponentComponent::setValue),
            one("valueInteger", INTEGER, Observation.ObservationComponentComponent::setValue),
            one("valueString", STRING_TYPE, Observation.ObservationComponentComponent::setValue),
            one("dataAbsentReason", CONCEPT, Observation.ObservationComponentComponent::setDataAbsentReason),
            many("interpretation", CONCEPT, Observation.ObservationComponentComponent::addInterpretation));

    private static final Shape<DocumentReference.DocumentReferenceContextComponent> DOCUMENT_CONTEXT = shape(
            "DocumentReference.context",
            DocumentReference.DocumentReferenceContextComponent::new,
            many("encounter", REFERENCE, DocumentReference.DocumentReferenceContextComponent::addEncounter),
            one("period", PERIOD, DocumentReference.DocumentReferenceContextComponent::setPeriod),
            one("facilityType", CONCEPT, DocumentReference.DocumentReferenceContextComponent::setFacilityType),
            one("practiceSetting", CONCEPT, DocumentReference.DocumentReferenceContextComponent::setPracticeSetting));

    private static final Shape<MedicationAdministration.MedicationAdministrationDosageComponent> ADMINISTERED = shape(
            "MedicationAdministration.dosage",
            MedicationAdministration.MedicationAdministrationDosageComponent::new,
            one("text", STRING, MedicationAdministration.MedicationAdministrationDosageComponent::setText),
            one("route", CONCEPT, MedicationAdministration.MedicationAdministrationDosageComponent::setRoute),
            one("site", CONCEPT, MedicationAdministration.MedicationAdministrationDosageComponent::setSite),
            one("method", CONCEPT, MedicationAdministration.MedicationAdministrationDosageComponent::setMethod),
            one("dose", QUANTITY, MedicationAdministration.MedicationAdministrationDosageComponent::setDose));

    private static final Shape<Dosage.DosageDoseAndRateComponent> DOSE_AND_RATE = shape(
            "Dosage.doseAndRate",
            Dosage.DosageDoseAndRateComponent::new,
            one("type", CONCEPT, Dosage.DosageDoseAndRateComponent::setType),
            one("doseQuantity", QUANTITY, Dosage.DosageDoseAndRateComponent::setDose));

    private static final Shape<Dosage> DOSAGE = shape(
            "Dosage",
            Dosage::new,
            one("text", STRING, Dosage::setText),
            one("patientInstruction", STRING, Dosage::setPatientInstruction),
            one("asNeededBoolean", BOOLEAN, Dosage::setAsNeeded),
            one("asNeededCodeableConcept", CONCEPT, Dosage::setAsNeeded),
            one("route", CONCEPT, Dosage::setRoute),
            one("site", CONCEPT, Dosage::setSite),
            one("method", CONCEPT, Dosage::setMethod),
            parts("doseAndRate", Dosage::addDoseAndRate, DOSE_AND_RATE));

    private static final Shape<Encounter.EncounterHospitalizationComponent> HOSPITALIZATION = shape(
            "Encounter.hospitalization",
            Encounter.EncounterHospitalizationComponent::new,
            one("admitSource", CONCEPT, Encounter.EncounterHospitalizationComponent::setAdmitSource),
            one("reAdmission", CONCEPT, Encounter.EncounterHospitalizationComponent::setReAdmission),
            one("dischargeDisposition", CONCEPT, Encounter.EncounterHospitalizationComponent::setDischargeDisposition));

    private static final Shape<Encounter.EncounterLocationComponent> LOCATION = shape(
            "Encounter.location",
            Encounter.EncounterLocationComponent::new,
            one("location", REFERENCE, Encounter.EncounterLocationComponent::setLocation),
            one(
                    "status",
                    code(Encounter.EncounterLocationStatus::fromCode),
                    Encounter.EncounterLocationComponent::setStatus),
            one("period", PERIOD, Encounter.EncounterLocationComponent::setPeriod));

    /** Checked, not built. */
    private static final Shape<Object> ENCOUNTER_PARTICIPANT = shape(
            "Encounter.participant",
            Object::new,
            checkedMany("type", CONCEPT),
            checked("period", PERIOD),
            checked("individual", REFERENCE));

    /** Checked, not built. */
    private static final Shape<Object> PROCEDURE_PERFORMER = shape(
            "Procedure.performer",
            Object::new,
            checked("function", CONCEPT),
            checked("actor", REFERENCE),
            checked("onBehalfOf", REFERENCE));

    /** Checked, not built: nothing reads the predictions. */
    private static final Shape<Object> PREDICTION = shape(
            "RiskAssessment.prediction",
            Object::new,
            checked("outcome", CONCEPT),
            checked("qualitativeRisk", CONCEPT),
            checked("rationale", STRING));

    // ---- resources ----

    /**
     * The inline attachments of the resource being read, kept on it under this key while it is read (so that a row
     * can add to them like to any other property) and taken off in {@link #read(JsonParser)}.
     */
    private static final String INLINE = PlainResources.class.getName() + ".inline";

    @SuppressWarnings("unchecked")
    private static void addInline(Resource resource, Inline inline) {
        List<Inline> list = (List<Inline>) resource.getUserData(INLINE);
        if (list == null) {
            list = new ArrayList<>();
            resource.setUserData(INLINE, list);
        }
        list.add(inline);
    }

    /** The properties every resource type reads: its id and (checked only) its meta. */
    @SafeVarargs
    private static <R extends Resource> Shape<R> resource(String type, Supplier<R> create, Row<R>... own) {
        Row<R>[] rows = Arrays.copyOf(own, own.length + 2);
        rows[own.length] = one("id", ID, (r, id) -> r.setIdElement(new IdType(r.fhirType(), id)));
        rows[own.length + 1] = checked("meta", META);
        return new Shape<>(type, create, none(), rows);
    }

    private static final Shape<Observation> OBSERVATION = resource(
            "Observation",
            Observation::new,
            one("status", code(Observation.ObservationStatus::fromCode), Observation::setStatus),
            many("category", CONCEPT, Observation::addCategory),
            one("code", CONCEPT, Observation::setCode),
            one("subject", REFERENCE, Observation::setSubject),
            one("encounter", REFERENCE, Observation::setEncounter),
            one("effectiveDateTime", DATE_TIME, Observation::setEffective),
            one("effectivePeriod", PERIOD, Observation::setEffective),
            one("issued", INSTANT, Observation::setIssuedElement),
            one("valueQuantity", QUANTITY, Observation::setValue),
            one("valueInteger", INTEGER, Observation::setValue),
            one("valueString", STRING_TYPE, Observation::setValue),
            one("dataAbsentReason", CONCEPT, Observation::setDataAbsentReason),
            many("interpretation", CONCEPT, Observation::addInterpretation),
            many("performer", REFERENCE, Observation::addPerformer),
            one("method", CONCEPT, Observation::setMethod),
            one("bodySite", CONCEPT, Observation::setBodySite),
            parts("component", Observation::addComponent, COMPONENT));

    private static final Shape<DocumentReference> DOCUMENT_REFERENCE = resource(
            "DocumentReference",
            DocumentReference::new,
            one("status", code(Enumerations.DocumentReferenceStatus::fromCode), DocumentReference::setStatus),
            one("docStatus", code(DocumentReference.ReferredDocumentStatus::fromCode), DocumentReference::setDocStatus),
            one("type", CONCEPT, DocumentReference::setType),
            many("category", CONCEPT, DocumentReference::addCategory),
            one("subject", REFERENCE, DocumentReference::setSubject),
            one("date", INSTANT, DocumentReference::setDateElement),
            one("description", STRING, DocumentReference::setDescription),
            many("author", REFERENCE, DocumentReference::addAuthor),
            one("custodian", REFERENCE, DocumentReference::setCustodian),
            many("securityLabel", CONCEPT, DocumentReference::addSecurityLabel),
            part("context", DocumentReference::getContext, DOCUMENT_CONTEXT),
            many("content", CONTENT, PlainResources::addInline));

    private static final Shape<DiagnosticReport> DIAGNOSTIC_REPORT = resource(
            "DiagnosticReport",
            DiagnosticReport::new,
            one("status", code(DiagnosticReport.DiagnosticReportStatus::fromCode), DiagnosticReport::setStatus),
            many("category", CONCEPT, DiagnosticReport::addCategory),
            one("code", CONCEPT, DiagnosticReport::setCode),
            one("subject", REFERENCE, DiagnosticReport::setSubject),
            one("encounter", REFERENCE, DiagnosticReport::setEncounter),
            one("effectiveDateTime", DATE_TIME, DiagnosticReport::setEffective),
            one("effectivePeriod", PERIOD, DiagnosticReport::setEffective),
            one("issued", INSTANT, DiagnosticReport::setIssuedElement),
            checkedMany("performer", REFERENCE),
            checkedMany("resultsInterpreter", REFERENCE),
            checkedMany("result", REFERENCE),
            checkedMany("basedOn", REFERENCE),
            one("conclusion", STRING, DiagnosticReport::setConclusion),
            many("presentedForm", ATTACHMENT, PlainResources::addInline));

    private static final Shape<MedicationAdministration> ADMINISTRATION = resource(
            "MedicationAdministration",
            MedicationAdministration::new,
            one(
                    "status",
                    code(MedicationAdministration.MedicationAdministrationStatus::fromCode),
                    MedicationAdministration::setStatus),
            many("statusReason", CONCEPT, MedicationAdministration::addStatusReason),
            one("category", CONCEPT, MedicationAdministration::setCategory),
            one("medicationCodeableConcept", CONCEPT, MedicationAdministration::setMedication),
            one("medicationReference", REFERENCE, MedicationAdministration::setMedication),
            one("subject", REFERENCE, MedicationAdministration::setSubject),
            one("context", REFERENCE, MedicationAdministration::setContext),
            one("effectiveDateTime", DATE_TIME, MedicationAdministration::setEffective),
            one("effectivePeriod", PERIOD, MedicationAdministration::setEffective),
            one("request", REFERENCE, MedicationAdministration::setRequest),
            many("reasonCode", CONCEPT, MedicationAdministration::addReasonCode),
            many("reasonReference", REFERENCE, MedicationAdministration::addReasonReference),
            part("dosage", MedicationAdministration::getDosage, ADMINISTERED));

    private static final Shape<MedicationRequest> REQUEST = resource(
            "MedicationRequest",
            MedicationRequest::new,
            one("status", code(MedicationRequest.MedicationRequestStatus::fromCode), MedicationRequest::setStatus),
            one("statusReason", CONCEPT, MedicationRequest::setStatusReason),
            one("intent", code(MedicationRequest.MedicationRequestIntent::fromCode), MedicationRequest::setIntent),
            many("category", CONCEPT, MedicationRequest::addCategory),
            one("medicationCodeableConcept", CONCEPT, MedicationRequest::setMedication),
            one("medicationReference", REFERENCE, MedicationRequest::setMedication),
            one("subject", REFERENCE, MedicationRequest::setSubject),
            one("encounter", REFERENCE, MedicationRequest::setEncounter),
            one("authoredOn", DATE_TIME, MedicationRequest::setAuthoredOnElement),
            one("requester", REFERENCE, MedicationRequest::setRequester),
            many("reasonCode", CONCEPT, MedicationRequest::addReasonCode),
            many("reasonReference", REFERENCE, MedicationRequest::addReasonReference),
            one("courseOfTherapyType", CONCEPT, MedicationRequest::setCourseOfTherapyType),
            parts("dosageInstruction", MedicationRequest::addDosageInstruction, DOSAGE));

    private static final Shape<Encounter> ENCOUNTER = resource(
            "Encounter",
            Encounter::new,
            one("status", code(Encounter.EncounterStatus::fromCode), Encounter::setStatus),
            one("class", CODING, Encounter::setClass_),
            many("type", CONCEPT, Encounter::addType),
            one("serviceType", CONCEPT, Encounter::setServiceType),
            one("priority", CONCEPT, Encounter::setPriority),
            one("subject", REFERENCE, Encounter::setSubject),
            one("period", PERIOD, Encounter::setPeriod),
            many("reasonCode", CONCEPT, Encounter::addReasonCode),
            part("hospitalization", Encounter::getHospitalization, HOSPITALIZATION),
            parts("location", Encounter::addLocation, LOCATION),
            one("serviceProvider", REFERENCE, Encounter::setServiceProvider),
            checkedMany("participant", ENCOUNTER_PARTICIPANT),
            checkedMany("episodeOfCare", REFERENCE));

    private static final Shape<Condition> CONDITION = resource(
            "Condition",
            Condition::new,
            one("clinicalStatus", CONCEPT, Condition::setClinicalStatus),
            one("verificationStatus", CONCEPT, Condition::setVerificationStatus),
            many("category", CONCEPT, Condition::addCategory),
            one("severity", CONCEPT, Condition::setSeverity),
            one("code", CONCEPT, Condition::setCode),
            many("bodySite", CONCEPT, Condition::addBodySite),
            one("subject", REFERENCE, Condition::setSubject),
            one("encounter", REFERENCE, Condition::setEncounter),
            one("onsetDateTime", DATE_TIME, Condition::setOnset),
            one("onsetPeriod", PERIOD, Condition::setOnset),
            one("abatementDateTime", DATE_TIME, Condition::setAbatement),
            one("abatementPeriod", PERIOD, Condition::setAbatement),
            one("recordedDate", DATE_TIME, Condition::setRecordedDateElement),
            one("recorder", REFERENCE, Condition::setRecorder),
            one("asserter", REFERENCE, Condition::setAsserter));

    private static final Shape<Procedure> PROCEDURE = resource(
            "Procedure",
            Procedure::new,
            one("status", code(Procedure.ProcedureStatus::fromCode), Procedure::setStatus),
            one("statusReason", CONCEPT, Procedure::setStatusReason),
            one("category", CONCEPT, Procedure::setCategory),
            one("code", CONCEPT, Procedure::setCode),
            one("subject", REFERENCE, Procedure::setSubject),
            one("encounter", REFERENCE, Procedure::setEncounter),
            one("performedDateTime", DATE_TIME, Procedure::setPerformed),
            one("performedPeriod", PERIOD, Procedure::setPerformed),
            many("reasonCode", CONCEPT, Procedure::addReasonCode),
            one("outcome", CONCEPT, Procedure::setOutcome),
            many("reasonReference", REFERENCE, Procedure::addReasonReference),
            many("bodySite", CONCEPT, Procedure::addBodySite),
            one("location", REFERENCE, Procedure::setLocation),
            checkedMany("performer", PROCEDURE_PERFORMER));

    private static final Shape<Flag> FLAG = resource(
            "Flag",
            Flag::new,
            one("status", code(Flag.FlagStatus::fromCode), Flag::setStatus),
            many("category", CONCEPT, Flag::addCategory),
            one("code", CONCEPT, Flag::setCode),
            one("subject", REFERENCE, Flag::setSubject),
            one("period", PERIOD, Flag::setPeriod),
            one("encounter", REFERENCE, Flag::setEncounter));

    private static final Shape<CarePlan> CARE_PLAN = resource(
            "CarePlan",
            CarePlan::new,
            one("status", code(CarePlan.CarePlanStatus::fromCode), CarePlan::setStatus),
            one("intent", code(CarePlan.CarePlanIntent::fromCode), CarePlan::setIntent),
            many("category", CONCEPT, CarePlan::addCategory),
            one("title", STRING, CarePlan::setTitle),
            one("description", STRING, CarePlan::setDescription),
            one("subject", REFERENCE, CarePlan::setSubject),
            one("encounter", REFERENCE, CarePlan::setEncounter),
            one("period", PERIOD, CarePlan::setPeriod),
            one("created", DATE_TIME, CarePlan::setCreatedElement));

    private static final Shape<RiskAssessment> RISK_ASSESSMENT = resource(
            "RiskAssessment",
            RiskAssessment::new,
            one("status", code(RiskAssessment.RiskAssessmentStatus::fromCode), RiskAssessment::setStatus),
            one("method", CONCEPT, RiskAssessment::setMethod),
            one("code", CONCEPT, RiskAssessment::setCode),
            one("subject", REFERENCE, RiskAssessment::setSubject),
            one("encounter", REFERENCE, RiskAssessment::setEncounter),
            one("occurrenceDateTime", DATE_TIME, RiskAssessment::setOccurrence),
            one("occurrencePeriod", PERIOD, RiskAssessment::setOccurrence),
            many("reasonCode", CONCEPT, RiskAssessment::addReasonCode),
            checkedMany("prediction", PREDICTION),
            checked("mitigation", STRING));

    /** The table of each resource type read on the fast path, by type. */
    public static final Map<String, Shape<? extends Resource>> RESOURCES = table(
            OBSERVATION,
            DOCUMENT_REFERENCE,
            DIAGNOSTIC_REPORT,
            ADMINISTRATION,
            REQUEST,
            ENCOUNTER,
            CONDITION,
            PROCEDURE,
            FLAG,
            CARE_PLAN,
            RISK_ASSESSMENT);

    @SafeVarargs
    private static Map<String, Shape<? extends Resource>> table(Shape<? extends Resource>... shapes) {
        Map<String, Shape<? extends Resource>> byType = new LinkedHashMap<>();
        for (Shape<? extends Resource> shape : shapes) {
            byType.put(shape.fhirType(), shape);
        }
        return Map.copyOf(byType);
    }

    /** The resource types read on the fast path. */
    public static final Set<String> TYPES = RESOURCES.keySet();

    private static final byte[] TYPE_PREFIX = "{\"resourceType\":\"".getBytes(StandardCharsets.US_ASCII);

    /**
     * The resource built from {@code json} (UTF-8), or {@code null} when it is not of a plain shape this class reads.
     */
    public static Plain read(byte[] json) {
        if (startsWithPrefix(json) && !startsWithType(json)) {
            return null; // written in the usual form, and of a type this class does not read: no need to parse
        }
        try (JsonParser parser = JSON.createParser(json)) {
            return read(parser);
        } catch (IOException | RuntimeException e) {
            // not plain, not valid JSON, or a value HAPI's types refuse: HAPI's parser decides what it is
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Plain read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT
                || parser.nextToken() != JsonToken.FIELD_NAME
                || !"resourceType".equals(parser.currentName())
                || parser.nextToken() != JsonToken.VALUE_STRING) {
            return null;
        }
        Shape<? extends Resource> shape = RESOURCES.get(parser.getText());
        if (shape == null) {
            return null;
        }
        Resource resource = shape.readResource(parser);
        if (parser.nextToken() != null) {
            return null; // trailing content: not plain
        }
        List<Inline> inline = (List<Inline>) resource.getUserData(INLINE);
        resource.setUserData(INLINE, null);
        return new Plain(resource, inline == null ? List.of() : inline);
    }

    private static boolean startsWithPrefix(byte[] json) {
        return json.length > TYPE_PREFIX.length
                && Arrays.equals(json, 0, TYPE_PREFIX.length, TYPE_PREFIX, 0, TYPE_PREFIX.length);
    }

    /** Whether the type written right after {@link #TYPE_PREFIX} is one of {@link #TYPES}. */
    private static boolean startsWithType(byte[] json) {
        int start = TYPE_PREFIX.length;
        int end = start;
        while (end < json.length && json[end] != '"') {
            end++;
        }
        return end < json.length && TYPES.contains(new String(json, start, end - start, StandardCharsets.UTF_8));
    }
}
