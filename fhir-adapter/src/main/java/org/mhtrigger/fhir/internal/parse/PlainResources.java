package org.mhtrigger.fhir.internal.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.hl7.fhir.r4.model.Identifier;
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
import org.hl7.fhir.r4.model.Type;
import org.mhtrigger.fhir.internal.guard.IdentifierScan;

/**
 * A fast path past HAPI's parser for the resources that make up nearly all of an export (Observations,
 * DocumentReferences, DiagnosticReports, medication orders and administrations, Encounters, Conditions, Procedures,
 * Flags, CarePlans and RiskAssessments) when they are written in the plain shape exporters use. Patients, which carry
 * the identifiers the guard looks for, always go through HAPI. Thread-safe.
 *
 * <p>The resource is read with Jackson's streaming parser and the HAPI model built from its tokens directly, with no
 * tree in between (a few elements no extraction could use, such as meta, predictions and participants, are only
 * checked); HAPI's own parser, which walks its model definitions element by element, costs several times more.
 * Every property must be one this class knows, with a value of the expected JSON type, a non-blank string without
 * surrounding white space, a known status code and a date HAPI accepts, and {@code resourceType} must come first, as
 * exporters write it. Anything else (extensions, narrative,
 * contained resources, an unknown property, base64 that is not strict) makes {@link #read} answer {@code null}, and
 * the caller parses with HAPI as before. So do the elements the identifier scan counts: an identifier that looks
 * national, and a display on a reference to a Patient (or on a {@code urn:} reference, which may be one). A plain
 * resource therefore holds nothing the identifier scan would find.
 */
public final class PlainResources {
    /**
     * No comments. Decimals are read exactly, from the text. Duplicate keys are refused by {@link #fields} and {@link
     * #properties} themselves, as a plain resource has none: cheaper than the parser's detector, which hashes every
     * object's names.
     */
    private static final JsonFactory JSON = new JsonFactory();

    /** Reads the rest of a resource's object, its {@code resourceType} read; the parser ends on its END_OBJECT. */
    @FunctionalInterface
    private interface TypeReader {
        Plain read(JsonParser node) throws IOException;
    }

    /** The reader of each resource type read on the fast path. */
    private static final Map<String, TypeReader> READERS = Map.ofEntries(
            Map.entry("Observation", node -> new Plain(observation(node), List.of())),
            Map.entry("DocumentReference", PlainResources::documentReference),
            Map.entry("DiagnosticReport", PlainResources::diagnosticReport),
            Map.entry("MedicationAdministration", node -> new Plain(administration(node), List.of())),
            Map.entry("MedicationRequest", node -> new Plain(request(node), List.of())),
            Map.entry("Encounter", node -> new Plain(encounter(node), List.of())),
            Map.entry("Condition", node -> new Plain(condition(node), List.of())),
            Map.entry("Procedure", node -> new Plain(procedure(node), List.of())),
            Map.entry("Flag", node -> new Plain(flag(node), List.of())),
            Map.entry("CarePlan", node -> new Plain(carePlan(node), List.of())),
            Map.entry("RiskAssessment", node -> new Plain(riskAssessment(node), List.of())));

    /** The resource types read on the fast path. */
    public static final Set<String> TYPES = READERS.keySet();

    private static final byte[] TYPE_PREFIX = "{\"resourceType\":\"".getBytes(StandardCharsets.US_ASCII);

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

    private static Plain read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT
                || parser.nextToken() != JsonToken.FIELD_NAME
                || !"resourceType".equals(parser.currentName())
                || parser.nextToken() != JsonToken.VALUE_STRING) {
            return null;
        }
        TypeReader reader = READERS.get(parser.getText());
        if (reader == null) {
            return null;
        }
        Plain plain = reader.read(parser);
        return parser.nextToken() == null ? plain : null; // trailing content: not plain
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

    private static Observation observation(JsonParser node) throws IOException {
        Observation resource = new Observation();
        properties(node, resource, (key, value) -> {
            switch (key) {
                case "status" -> resource.setStatus(Observation.ObservationStatus.fromCode(string(value)));
                case "category" -> each(value, c -> resource.addCategory(concept(c)));
                case "code" -> resource.setCode(concept(value));
                case "subject" -> resource.setSubject(reference(value));
                case "encounter" -> resource.setEncounter(reference(value));
                case "effectiveDateTime" -> resource.setEffective(dateTime(value));
                case "effectivePeriod" -> resource.setEffective(period(value));
                case "issued" -> resource.setIssuedElement(instant(value));
                case "valueQuantity", "valueInteger", "valueString" -> resource.setValue(value(key, value));
                case "dataAbsentReason" -> resource.setDataAbsentReason(concept(value));
                case "interpretation" -> each(value, c -> resource.addInterpretation(concept(c)));
                case "performer" -> each(value, r -> resource.addPerformer(reference(r)));
                case "method" -> resource.setMethod(concept(value));
                case "bodySite" -> resource.setBodySite(concept(value));
                case "component" -> each(value, c -> component(c, resource.addComponent()));
                default -> throw NOT_PLAIN;
            }
        });
        return resource;
    }

    private static void component(JsonParser node, Observation.ObservationComponentComponent component)
            throws IOException {
        fields(node, (key, value) -> {
            switch (key) {
                case "code" -> component.setCode(concept(value));
                case "valueQuantity", "valueInteger", "valueString" -> component.setValue(value(key, value));
                case "dataAbsentReason" -> component.setDataAbsentReason(concept(value));
                case "interpretation" -> each(value, c -> component.addInterpretation(concept(c)));
                default -> throw NOT_PLAIN;
            }
        });
    }

    private static Type value(String key, JsonParser value) throws IOException {
        return switch (key) {
            case "valueQuantity" -> quantity(value);
            case "valueInteger" -> {
                if (value.currentToken() != JsonToken.VALUE_NUMBER_INT
                        || value.getNumberType() != JsonParser.NumberType.INT) {
                    throw NOT_PLAIN;
                }
                yield new IntegerType(value.getIntValue());
            }
            case "valueString" -> new StringType(string(value));
            default -> throw NOT_PLAIN;
        };
    }

    private static Plain documentReference(JsonParser node) throws IOException {
        DocumentReference resource = new DocumentReference();
        List<Inline> inline = new ArrayList<>();
        properties(node, resource, (key, value) -> {
            switch (key) {
                case "status" -> resource.setStatus(Enumerations.DocumentReferenceStatus.fromCode(string(value)));
                case "docStatus" ->
                    resource.setDocStatus(DocumentReference.ReferredDocumentStatus.fromCode(string(value)));
                case "type" -> resource.setType(concept(value));
                case "category" -> each(value, c -> resource.addCategory(concept(c)));
                case "subject" -> resource.setSubject(reference(value));
                case "date" -> resource.setDateElement(instant(value));
                case "description" -> resource.setDescription(string(value));
                case "author" -> each(value, r -> resource.addAuthor(reference(r)));
                case "custodian" -> resource.setCustodian(reference(value));
                case "securityLabel" -> each(value, c -> resource.addSecurityLabel(concept(c)));
                case "context" -> context(value, resource.getContext());
                case "content" -> each(value, c -> inline.add(content(c)));
                default -> throw NOT_PLAIN;
            }
        });
        return new Plain(resource, inline);
    }

    private static Plain diagnosticReport(JsonParser node) throws IOException {
        DiagnosticReport resource = new DiagnosticReport();
        List<Inline> inline = new ArrayList<>();
        properties(node, resource, (key, value) -> {
            switch (key) {
                case "status" -> resource.setStatus(DiagnosticReport.DiagnosticReportStatus.fromCode(string(value)));
                case "category" -> each(value, c -> resource.addCategory(concept(c)));
                case "code" -> resource.setCode(concept(value));
                case "subject" -> resource.setSubject(reference(value));
                case "encounter" -> resource.setEncounter(reference(value));
                case "effectiveDateTime" -> resource.setEffective(dateTime(value));
                case "effectivePeriod" -> resource.setEffective(period(value));
                case "issued" -> resource.setIssuedElement(instant(value));
                case "performer", "resultsInterpreter", "result", "basedOn" -> each(value, PlainResources::reference);
                case "conclusion" -> resource.setConclusion(string(value));
                case "presentedForm" -> each(value, a -> inline.add(attachment(a)));
                default -> throw NOT_PLAIN;
            }
        });
        return new Plain(resource, inline);
    }

    private static void context(JsonParser node, DocumentReference.DocumentReferenceContextComponent context)
            throws IOException {
        fields(node, (key, value) -> {
            switch (key) {
                case "encounter" -> each(value, r -> context.addEncounter(reference(r)));
                case "period" -> context.setPeriod(period(value));
                case "facilityType" -> context.setFacilityType(concept(value));
                case "practiceSetting" -> context.setPracticeSetting(concept(value));
                default -> throw NOT_PLAIN;
            }
        });
    }

    /** One content entry's attachment, decoded; the attachment itself is not built (the extractor reads this). */
    private static Inline content(JsonParser node) throws IOException {
        Inline[] inline = {null};
        fields(node, (key, value) -> {
            switch (key) {
                case "attachment" -> inline[0] = attachment(value);
                case "format" -> coding(value);
                default -> throw NOT_PLAIN;
            }
        });
        if (inline[0] == null) {
            throw NOT_PLAIN;
        }
        return inline[0];
    }

    private static Inline attachment(JsonParser node) throws IOException {
        String[] contentType = {null};
        byte[][] data = {null};
        fields(node, (key, value) -> {
            switch (key) {
                case "contentType" -> contentType[0] = string(value);
                case "data" -> data[0] = Base64.getDecoder().decode(string(value)); // strict: else HAPI decodes
                case "language", "title", "creation" -> string(value);
                default -> throw NOT_PLAIN;
            }
        });
        return new Inline(contentType[0], data[0]);
    }

    private static MedicationAdministration administration(JsonParser node) throws IOException {
        MedicationAdministration resource = new MedicationAdministration();
        properties(node, resource, (key, value) -> {
            switch (key) {
                case "status" ->
                    resource.setStatus(MedicationAdministration.MedicationAdministrationStatus.fromCode(string(value)));
                case "statusReason" -> each(value, c -> resource.addStatusReason(concept(c)));
                case "category" -> resource.setCategory(concept(value));
                case "medicationCodeableConcept" -> resource.setMedication(concept(value));
                case "medicationReference" -> resource.setMedication(reference(value));
                case "subject" -> resource.setSubject(reference(value));
                case "context" -> resource.setContext(reference(value));
                case "effectiveDateTime" -> resource.setEffective(dateTime(value));
                case "effectivePeriod" -> resource.setEffective(period(value));
                case "request" -> resource.setRequest(reference(value));
                case "reasonCode" -> each(value, c -> resource.addReasonCode(concept(c)));
                case "reasonReference" -> each(value, r -> resource.addReasonReference(reference(r)));
                case "dosage" -> administered(value, resource.getDosage());
                default -> throw NOT_PLAIN;
            }
        });
        return resource;
    }

    private static void administered(
            JsonParser node, MedicationAdministration.MedicationAdministrationDosageComponent dosage)
            throws IOException {
        fields(node, (key, value) -> {
            switch (key) {
                case "text" -> dosage.setText(string(value));
                case "route" -> dosage.setRoute(concept(value));
                case "site" -> dosage.setSite(concept(value));
                case "method" -> dosage.setMethod(concept(value));
                case "dose" -> dosage.setDose(quantity(value));
                default -> throw NOT_PLAIN;
            }
        });
    }

    private static MedicationRequest request(JsonParser node) throws IOException {
        MedicationRequest resource = new MedicationRequest();
        properties(node, resource, (key, value) -> {
            switch (key) {
                case "status" -> resource.setStatus(MedicationRequest.MedicationRequestStatus.fromCode(string(value)));
                case "statusReason" -> resource.setStatusReason(concept(value));
                case "intent" -> resource.setIntent(MedicationRequest.MedicationRequestIntent.fromCode(string(value)));
                case "category" -> each(value, c -> resource.addCategory(concept(c)));
                case "medicationCodeableConcept" -> resource.setMedication(concept(value));
                case "medicationReference" -> resource.setMedication(reference(value));
                case "subject" -> resource.setSubject(reference(value));
                case "encounter" -> resource.setEncounter(reference(value));
                case "authoredOn" -> resource.setAuthoredOnElement(dateTime(value));
                case "requester" -> resource.setRequester(reference(value));
                case "reasonCode" -> each(value, c -> resource.addReasonCode(concept(c)));
                case "reasonReference" -> each(value, r -> resource.addReasonReference(reference(r)));
                case "courseOfTherapyType" -> resource.setCourseOfTherapyType(concept(value));
                case "dosageInstruction" -> each(value, d -> dosage(d, resource.addDosageInstruction()));
                default -> throw NOT_PLAIN;
            }
        });
        return resource;
    }

    private static void dosage(JsonParser node, Dosage dosage) throws IOException {
        fields(node, (key, value) -> {
            switch (key) {
                case "text" -> dosage.setText(string(value));
                case "patientInstruction" -> dosage.setPatientInstruction(string(value));
                case "asNeededBoolean" -> {
                    if (!value.currentToken().isBoolean()) {
                        throw NOT_PLAIN;
                    }
                    dosage.setAsNeeded(new BooleanType(value.getBooleanValue()));
                }
                case "asNeededCodeableConcept" -> dosage.setAsNeeded(concept(value));
                case "route" -> dosage.setRoute(concept(value));
                case "site" -> dosage.setSite(concept(value));
                case "method" -> dosage.setMethod(concept(value));
                case "doseAndRate" -> each(value, d -> doseAndRate(d, dosage.addDoseAndRate()));
                default -> throw NOT_PLAIN;
            }
        });
    }

    private static void doseAndRate(JsonParser node, Dosage.DosageDoseAndRateComponent doseAndRate) throws IOException {
        fields(node, (key, value) -> {
            switch (key) {
                case "type" -> doseAndRate.setType(concept(value));
                case "doseQuantity" -> doseAndRate.setDose(quantity(value));
                default -> throw NOT_PLAIN;
            }
        });
    }

    private static Encounter encounter(JsonParser node) throws IOException {
        Encounter resource = new Encounter();
        properties(node, resource, (key, value) -> {
            switch (key) {
                case "status" -> resource.setStatus(Encounter.EncounterStatus.fromCode(string(value)));
                case "class" -> resource.setClass_(coding(value));
                case "type" -> each(value, c -> resource.addType(concept(c)));
                case "serviceType" -> resource.setServiceType(concept(value));
                case "priority" -> resource.setPriority(concept(value));
                case "subject" -> resource.setSubject(reference(value));
                case "period" -> resource.setPeriod(period(value));
                case "reasonCode" -> each(value, c -> resource.addReasonCode(concept(c)));
                case "hospitalization" -> hospitalization(value, resource.getHospitalization());
                case "location" -> each(value, l -> location(l, resource.addLocation()));
                case "serviceProvider" -> resource.setServiceProvider(reference(value));
                case "participant" -> each(value, PlainResources::participant);
                case "episodeOfCare" -> each(value, PlainResources::reference);
                default -> throw NOT_PLAIN;
            }
        });
        return resource;
    }

    private static void hospitalization(JsonParser node, Encounter.EncounterHospitalizationComponent hospitalization)
            throws IOException {
        fields(node, (key, value) -> {
            switch (key) {
                case "admitSource" -> hospitalization.setAdmitSource(concept(value));
                case "reAdmission" -> hospitalization.setReAdmission(concept(value));
                case "dischargeDisposition" -> hospitalization.setDischargeDisposition(concept(value));
                default -> throw NOT_PLAIN;
            }
        });
    }

    private static void location(JsonParser node, Encounter.EncounterLocationComponent location) throws IOException {
        fields(node, (key, value) -> {
            switch (key) {
                case "location" -> location.setLocation(reference(value));
                case "status" -> location.setStatus(Encounter.EncounterLocationStatus.fromCode(string(value)));
                case "period" -> location.setPeriod(period(value));
                default -> throw NOT_PLAIN;
            }
        });
    }

    private static Condition condition(JsonParser node) throws IOException {
        Condition resource = new Condition();
        properties(node, resource, (key, value) -> {
            switch (key) {
                case "clinicalStatus" -> resource.setClinicalStatus(concept(value));
                case "verificationStatus" -> resource.setVerificationStatus(concept(value));
                case "category" -> each(value, c -> resource.addCategory(concept(c)));
                case "severity" -> resource.setSeverity(concept(value));
                case "code" -> resource.setCode(concept(value));
                case "bodySite" -> each(value, c -> resource.addBodySite(concept(c)));
                case "subject" -> resource.setSubject(reference(value));
                case "encounter" -> resource.setEncounter(reference(value));
                case "onsetDateTime" -> resource.setOnset(dateTime(value));
                case "onsetPeriod" -> resource.setOnset(period(value));
                case "abatementDateTime" -> resource.setAbatement(dateTime(value));
                case "abatementPeriod" -> resource.setAbatement(period(value));
                case "recordedDate" -> resource.setRecordedDateElement(dateTime(value));
                case "recorder" -> resource.setRecorder(reference(value));
                case "asserter" -> resource.setAsserter(reference(value));
                default -> throw NOT_PLAIN;
            }
        });
        return resource;
    }

    private static Procedure procedure(JsonParser node) throws IOException {
        Procedure resource = new Procedure();
        properties(node, resource, (key, value) -> {
            switch (key) {
                case "status" -> resource.setStatus(Procedure.ProcedureStatus.fromCode(string(value)));
                case "statusReason" -> resource.setStatusReason(concept(value));
                case "category" -> resource.setCategory(concept(value));
                case "code" -> resource.setCode(concept(value));
                case "subject" -> resource.setSubject(reference(value));
                case "encounter" -> resource.setEncounter(reference(value));
                case "performedDateTime" -> resource.setPerformed(dateTime(value));
                case "performedPeriod" -> resource.setPerformed(period(value));
                case "reasonCode" -> each(value, c -> resource.addReasonCode(concept(c)));
                case "outcome" -> resource.setOutcome(concept(value));
                case "reasonReference" -> each(value, r -> resource.addReasonReference(reference(r)));
                case "bodySite" -> each(value, c -> resource.addBodySite(concept(c)));
                case "location" -> resource.setLocation(reference(value));
                case "performer" -> each(value, PlainResources::participant);
                default -> throw NOT_PLAIN;
            }
        });
        return resource;
    }

    private static Flag flag(JsonParser node) throws IOException {
        Flag resource = new Flag();
        properties(node, resource, (key, value) -> {
            switch (key) {
                case "status" -> resource.setStatus(Flag.FlagStatus.fromCode(string(value)));
                case "category" -> each(value, c -> resource.addCategory(concept(c)));
                case "code" -> resource.setCode(concept(value));
                case "subject" -> resource.setSubject(reference(value));
                case "period" -> resource.setPeriod(period(value));
                case "encounter" -> resource.setEncounter(reference(value));
                default -> throw NOT_PLAIN;
            }
        });
        return resource;
    }

    private static CarePlan carePlan(JsonParser node) throws IOException {
        CarePlan resource = new CarePlan();
        properties(node, resource, (key, value) -> {
            switch (key) {
                case "status" -> resource.setStatus(CarePlan.CarePlanStatus.fromCode(string(value)));
                case "intent" -> resource.setIntent(CarePlan.CarePlanIntent.fromCode(string(value)));
                case "category" -> each(value, c -> resource.addCategory(concept(c)));
                case "title" -> resource.setTitle(string(value));
                case "description" -> resource.setDescription(string(value));
                case "subject" -> resource.setSubject(reference(value));
                case "encounter" -> resource.setEncounter(reference(value));
                case "period" -> resource.setPeriod(period(value));
                case "created" -> resource.setCreatedElement(dateTime(value));
                default -> throw NOT_PLAIN;
            }
        });
        return resource;
    }

    private static RiskAssessment riskAssessment(JsonParser node) throws IOException {
        RiskAssessment resource = new RiskAssessment();
        properties(node, resource, (key, value) -> {
            switch (key) {
                case "status" -> resource.setStatus(RiskAssessment.RiskAssessmentStatus.fromCode(string(value)));
                case "method" -> resource.setMethod(concept(value));
                case "code" -> resource.setCode(concept(value));
                case "subject" -> resource.setSubject(reference(value));
                case "encounter" -> resource.setEncounter(reference(value));
                case "occurrenceDateTime" -> resource.setOccurrence(dateTime(value));
                case "occurrencePeriod" -> resource.setOccurrence(period(value));
                case "reasonCode" -> each(value, c -> resource.addReasonCode(concept(c)));
                case "prediction" -> each(value, PlainResources::prediction);
                case "mitigation" -> string(value);
                default -> throw NOT_PLAIN;
            }
        });
        return resource;
    }

    /** Checked, not built: nothing reads the predictions. */
    private static void prediction(JsonParser node) throws IOException {
        fields(node, (key, value) -> {
            switch (key) {
                case "outcome", "qualitativeRisk" -> concept(value);
                case "rationale" -> string(value);
                default -> throw NOT_PLAIN;
            }
        });
    }

    /**
     * What to do with one property of an object, the parser on its value's first token; it must leave the parser on the
     * value's last token. Throws {@link #NOT_PLAIN} for a property it does not know.
     */
    @FunctionalInterface
    private interface Property {
        void read(String key, JsonParser value) throws IOException;
    }

    /** What to do with one element of an array, on the same terms as {@link Property}. */
    @FunctionalInterface
    private interface Element {
        void read(JsonParser value) throws IOException;
    }

    /**
     * Reads the properties every resource type shares, and hands the others to {@code own}: the rest of the resource's
     * object, after its {@code resourceType}.
     */
    private static void properties(JsonParser node, Resource resource, Property own) throws IOException {
        String[] keys = new String[KEYS];
        keys[0] = "resourceType";
        int count = 1;
        while (node.nextToken() == JsonToken.FIELD_NAME) {
            String key = node.currentName();
            keys = remember(keys, count++, key);
            node.nextToken();
            switch (key) {
                case "id" -> resource.setIdElement(id(resource.fhirType(), node));
                case "meta" -> meta(node);
                case "identifier" -> each(node, PlainResources::pseudonymous);
                default -> own.read(key, node);
            }
        }
    }

    /** Hands each property of a non-empty object to {@code property}. */
    private static void fields(JsonParser node, Property property) throws IOException {
        if (node.currentToken() != JsonToken.START_OBJECT || node.nextToken() != JsonToken.FIELD_NAME) {
            throw NOT_PLAIN;
        }
        String[] keys = new String[KEYS];
        int count = 0;
        do {
            String key = node.currentName();
            keys = remember(keys, count++, key);
            node.nextToken();
            property.read(key, node);
        } while (node.nextToken() == JsonToken.FIELD_NAME);
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

    // the data types: each checks the shape and builds the HAPI element

    private static IdType id(String type, JsonParser node) throws IOException {
        String id = string(node);
        if (id.length() > 64) {
            throw NOT_PLAIN;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed =
                    c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.';
            if (!allowed) {
                throw NOT_PLAIN;
            }
        }
        return new IdType(type, id);
    }

    /** Checked, not built: nothing reads the meta. */
    private static void meta(JsonParser node) throws IOException {
        fields(node, (key, value) -> {
            switch (key) {
                case "versionId", "source" -> string(value);
                case "lastUpdated" -> instant(value);
                case "profile" -> each(value, PlainResources::string);
                case "tag", "security" -> each(value, PlainResources::coding);
                default -> throw NOT_PLAIN;
            }
        });
    }

    private static CodeableConcept concept(JsonParser node) throws IOException {
        CodeableConcept concept = new CodeableConcept();
        fields(node, (key, value) -> {
            switch (key) {
                case "coding" -> each(value, c -> concept.addCoding(coding(c)));
                case "text" -> concept.setText(string(value));
                default -> throw NOT_PLAIN;
            }
        });
        return concept;
    }

    private static Coding coding(JsonParser node) throws IOException {
        Coding coding = new Coding();
        fields(node, (key, value) -> {
            switch (key) {
                case "system" -> coding.setSystem(string(value));
                case "version" -> coding.setVersion(string(value));
                case "code" -> coding.setCode(string(value));
                case "display" -> coding.setDisplay(string(value));
                default -> throw NOT_PLAIN;
            }
        });
        return coding;
    }

    /**
     * A reference, with its type and display if given, as long as a display does not sit on a reference to a Patient
     * or on a {@code urn:} reference (which may be to a Patient entry of the Bundle), where it would be the patient's
     * name (the identifier scan counts those). An identifier on a reference is left to HAPI.
     */
    private static Reference reference(JsonParser node) throws IOException {
        Reference reference = new Reference();
        fields(node, (key, value) -> {
            switch (key) {
                case "reference" -> reference.setReference(string(value));
                case "type" -> reference.setType(string(value));
                case "display" -> reference.setDisplay(string(value));
                default -> throw NOT_PLAIN;
            }
        });
        if (IdentifierScan.mayNamePatient(reference)) {
            throw NOT_PLAIN;
        }
        return reference;
    }

    /** Checked, not built: an identifier that does not look national (a national one is left to HAPI and the scan). */
    private static void pseudonymous(JsonParser node) throws IOException {
        Identifier identifier = new Identifier();
        fields(node, (key, value) -> {
            switch (key) {
                case "use" -> Identifier.IdentifierUse.fromCode(string(value));
                case "type" -> identifier.setType(concept(value));
                case "system" -> identifier.setSystem(string(value));
                case "value" -> identifier.setValue(string(value));
                case "period" -> period(value);
                case "assigner" -> reference(value);
                default -> throw NOT_PLAIN;
            }
        });
        if (IdentifierScan.nationalKind(identifier) != null) {
            throw NOT_PLAIN;
        }
    }

    /** Checked, not built: an Encounter's participant or a Procedure's performer. */
    private static void participant(JsonParser node) throws IOException {
        fields(node, (key, value) -> {
            switch (key) {
                case "type" -> each(value, PlainResources::concept);
                case "function" -> concept(value);
                case "period" -> period(value);
                case "individual", "actor", "onBehalfOf" -> reference(value);
                default -> throw NOT_PLAIN;
            }
        });
    }

    private static Quantity quantity(JsonParser node) throws IOException {
        Quantity quantity = new Quantity();
        fields(node, (key, value) -> {
            switch (key) {
                case "value" -> {
                    if (!value.currentToken().isNumeric()) {
                        throw NOT_PLAIN;
                    }
                    quantity.setValue(value.getDecimalValue());
                }
                case "unit" -> quantity.setUnit(string(value));
                case "system" -> quantity.setSystem(string(value));
                case "code" -> quantity.setCode(string(value));
                default -> throw NOT_PLAIN;
            }
        });
        return quantity;
    }

    private static Period period(JsonParser node) throws IOException {
        Period period = new Period();
        fields(node, (key, value) -> {
            switch (key) {
                case "start" -> period.setStartElement(dateTime(value));
                case "end" -> period.setEndElement(dateTime(value));
                default -> throw NOT_PLAIN;
            }
        });
        return period;
    }

    private static DateTimeType dateTime(JsonParser node) throws IOException {
        return new DateTimeType(string(node));
    }

    private static InstantType instant(JsonParser node) throws IOException {
        return new InstantType(string(node));
    }

    /** A non-blank string without surrounding white space (HAPI's handling of other strings is its own). */
    private static String string(JsonParser node) throws IOException {
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
    }

    /** Hands each element of a non-empty array to {@code element}. */
    private static void each(JsonParser node, Element element) throws IOException {
        if (node.currentToken() != JsonToken.START_ARRAY || node.nextToken() == JsonToken.END_ARRAY) {
            throw NOT_PLAIN;
        }
        do {
            element.read(node);
        } while (node.nextToken() != JsonToken.END_ARRAY);
    }
}
