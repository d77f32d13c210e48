package org.mhtrigger.fhir.internal.extract;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.mhtrigger.engine.InvalidRecordException;
import org.mhtrigger.engine.record.CarePlanRecord;
import org.mhtrigger.engine.record.ConditionRecord;
import org.mhtrigger.engine.record.DischargeDisposition;
import org.mhtrigger.engine.record.EncounterKind;
import org.mhtrigger.engine.record.FlagRecord;
import org.mhtrigger.engine.record.LabResult;
import org.mhtrigger.engine.record.MedicationEvent;
import org.mhtrigger.engine.record.MedicationEventKind;
import org.mhtrigger.engine.record.Note;
import org.mhtrigger.engine.record.Patient;
import org.mhtrigger.engine.record.ProcedureRecord;
import org.mhtrigger.engine.record.RiskAssessmentRecord;
import org.mhtrigger.engine.record.Route;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.fhir.internal.Text;
import org.mhtrigger.fhir.internal.guard.IdentifierScan;
import org.mhtrigger.fhir.internal.mapping.CodeTable;
import org.mhtrigger.fhir.internal.mapping.Concept;
import org.mhtrigger.fhir.internal.mapping.MappingTables;
import org.mhtrigger.fhir.internal.mapping.Systems;
import org.mhtrigger.fhir.internal.mapping.UnitTable;
import org.mhtrigger.fhir.internal.parse.PlainResources;

/**
 * Turns one HAPI resource into HAPI-free facts in {@link Collected}. Not thread-safe: one per read.
 *
 * <p>Resources entered in error are dropped. Types the triggers do not use (Practitioner, Organization, …) are
 * ignored.
 */
public final class ResourceExtractor {
    private final MappingTables mapping;
    private final IdentifierScan scan;
    private final boolean strip;
    private final Reporter reporter;
    private final Collected collected;
    /** Set while a resource read on the fast path is extracted: it holds nothing the identifier scan could find. */
    private boolean identifierFree;

    public ResourceExtractor(
            MappingTables mapping, IdentifierScan scan, boolean strip, Reporter reporter, Collected collected) {
        this.mapping = mapping;
        this.scan = scan;
        this.strip = strip;
        this.reporter = reporter;
        this.collected = collected;
    }

    /** Extracts the facts of {@code resource}, read from {@code origin} (a file, a line or a Bundle entry). */
    public void extract(Resource resource, String origin) {
        switch (resource) {
            case org.hl7.fhir.r4.model.Patient patient -> patient(patient, origin);
            case Encounter encounter -> encounter(encounter, origin);
            case Observation observation -> observation(observation, origin);
            case DocumentReference document -> documentReference(document, inline(document), origin);
            case DiagnosticReport report -> diagnosticReport(report, inline(report.getPresentedForm()), origin);
            case Composition composition -> composition(composition, origin);
            case MedicationAdministration administration -> administration(administration, origin);
            case MedicationRequest request -> request(request, origin);
            case Medication medication -> collected.medications.put(key(medication), medicationConcept(medication));
            case Procedure procedure -> procedure(procedure, origin);
            case Condition condition -> condition(condition, origin);
            case Flag flag -> flag(flag, origin);
            case CarePlan plan -> carePlan(plan, origin);
            case RiskAssessment assessment -> riskAssessment(assessment, origin);
            case Location location -> {
                if (location.hasName()) {
                    collected.locations.put(key(location), location.getName());
                }
            }
            default -> {
                // not used by any trigger
            }
        }
    }

    /**
     * Extracts the facts of a resource read on the fast path. It holds nothing the identifier scan could find, so the
     * scan is skipped; the attachments of a DocumentReference or DiagnosticReport come decoded with it.
     */
    public void extract(PlainResources.Plain read, String origin) {
        identifierFree = true;
        try {
            switch (read.resource()) {
                case DocumentReference document -> documentReference(document, read.inline(), origin);
                case DiagnosticReport report -> diagnosticReport(report, read.inline(), origin);
                default -> extract(read.resource(), origin);
            }
        } finally {
            identifierFree = false;
        }
    }

    static String key(Resource resource) {
        return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    }

    private static SourceRef source(Resource resource) {
        return new SourceRef(resource.fhirType(), resource.getIdElement().getIdPart());
    }

    private Map<String, Integer> identifiers(Resource resource) {
        Map<String, Integer> found = identifierFree ? Map.of() : scan.scan(resource, strip);
        if (strip) {
            reporter.stripped(
                    found.values().stream().mapToInt(Integer::intValue).sum());
            return Map.of();
        }
        return found;
    }

    private void patient(org.hl7.fhir.r4.model.Patient resource, String origin) {
        // names are read before stripping removes them: the notes must lose them too
        List<String> names = strip ? nameParts(resource) : List.of();
        Map<String, Integer> identifiers = identifiers(resource);
        Instant deceased = null;
        boolean deceasedWithoutDate = false;
        if (resource.hasDeceasedDateTimeType()) {
            deceased = FhirValues.instant(resource.getDeceasedDateTimeType());
        } else if (resource.hasDeceasedBooleanType()
                && resource.getDeceasedBooleanType().booleanValue()) {
            deceasedWithoutDate = true;
        }
        String sex = resource.hasGender() ? resource.getGender().toCode() : null;
        Patient patient = new Patient(
                resource.getIdElement().getIdPart(),
                sex,
                FhirValues.localDate(resource.getBirthDateElement()),
                deceased);
        collected.patients.put(
                patient.id(), new Collected.PatientInfo(patient, origin, identifiers, deceasedWithoutDate, names));
    }

    /** Given and family names of at least two letters, longest first (so "Mary-Ann" goes before "Mary"). */
    private static List<String> nameParts(org.hl7.fhir.r4.model.Patient resource) {
        java.util.Set<String> parts = new java.util.TreeSet<>(
                java.util.Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
        for (org.hl7.fhir.r4.model.HumanName name : resource.getName()) {
            name.getGiven().forEach(g -> addPart(parts, g.getValue()));
            addPart(parts, name.getFamily());
            addPart(parts, name.getText());
        }
        return List.copyOf(parts);
    }

    private static void addPart(java.util.Set<String> parts, String value) {
        if (value == null) {
            return;
        }
        for (String part : value.trim().split("\\s+")) {
            if (part.codePoints().filter(Character::isLetter).count() >= 2) {
                parts.add(part);
            }
        }
    }

    private void encounter(Encounter resource, String origin) {
        if (resource.getStatus() == Encounter.EncounterStatus.ENTEREDINERROR) {
            return;
        }
        Map<String, Integer> identifiers = identifiers(resource);
        String ward = "";
        String locationKey = null;
        for (Encounter.EncounterLocationComponent location : resource.getLocation()) {
            if (location.getLocation().hasDisplay() && ward.isEmpty()) {
                ward = location.getLocation().getDisplay();
            }
            if (locationKey == null) {
                locationKey = FhirValues.referenceKey(location.getLocation());
            }
        }
        DischargeDisposition disposition = DischargeDisposition.UNKNOWN;
        if (resource.getHospitalization().hasDischargeDisposition()) {
            disposition = mapping.dispositions()
                    .match(FhirValues.concept(resource.getHospitalization().getDischargeDisposition()))
                    .map(v -> DischargeDisposition.valueOf(v.toUpperCase(Locale.ROOT)))
                    .orElse(DischargeDisposition.OTHER);
        }
        collected.encounters.put(
                key(resource),
                new Collected.EncounterInfo(
                        resource.getIdElement().getIdPart(),
                        FhirValues.referenceKey(resource.getSubject()),
                        kind(resource),
                        resource.hasStatus() ? resource.getStatus().toCode() : "",
                        FhirValues.instant(resource.getPeriod().getStartElement()),
                        FhirValues.instant(resource.getPeriod().getEndElement()),
                        ward,
                        locationKey,
                        disposition,
                        origin,
                        identifiers,
                        FhirValues.offset(resource.getPeriod().getStartElement())));
    }

    private EncounterKind kind(Encounter resource) {
        CodeTable markers = mapping.encounterKinds();
        Set<String> byClass = markers.matchAll(FhirValues.concept(resource.getClass_()));
        Concept context = FhirValues.concept(resource.getType()).plus(FhirValues.concept(resource.getServiceType()));
        for (Encounter.EncounterLocationComponent location : resource.getLocation()) {
            if (location.getLocation().hasDisplay()) {
                context = context.plusText(location.getLocation().getDisplay());
            }
        }
        if (resource.getServiceProvider().hasDisplay()) {
            context = context.plusText(resource.getServiceProvider().getDisplay());
        }
        Set<String> byContext = markers.matchAll(context);
        if (byClass.contains("emergency")) {
            return EncounterKind.EMERGENCY;
        }
        boolean inpatient = byClass.contains("inpatient") || byClass.isEmpty() && byContext.contains("inpatient");
        if (inpatient) {
            if (byContext.contains("psychiatric") || !byContext.contains("acute")) {
                return EncounterKind.PSYCHIATRIC_INPATIENT;
            }
            return EncounterKind.ACUTE_INPATIENT;
        }
        if (byContext.contains("emergency")) {
            return EncounterKind.EMERGENCY;
        }
        return EncounterKind.OTHER;
    }

    /** When a result took effect, else when it was issued ({@code null} if not issued). */
    private static Instant effectiveOrIssued(Type effective, Date issued) {
        Instant time = FhirValues.start(effective);
        return time == null && issued != null ? issued.toInstant() : time;
    }

    /** The note type of a document's type (or code) and category; {@code other} if none is known. */
    private String noteType(CodeableConcept type, List<CodeableConcept> category) {
        return mapping.noteTypes()
                .match(FhirValues.concept(type).plus(FhirValues.concept(category)))
                .orElse("other");
    }

    /** {@link #add} for the text of a note. */
    private void addNote(
            Resource resource,
            String origin,
            Reference subject,
            String encounter,
            Instant time,
            String type,
            String text) {
        SourceRef source = source(resource);
        add(
                resource,
                origin,
                subject,
                encounter,
                time,
                identifiers(resource),
                (t, all) -> new Note(source, type, t, text));
    }

    /** {@link #add} for a resource that names its patient in {@code subject} and its stay in {@code encounter}. */
    private void addByEncounter(
            Resource resource,
            String origin,
            Reference subject,
            Reference encounter,
            Instant time,
            Collected.Draft draft) {
        add(resource, origin, subject, FhirValues.referenceKey(encounter), time, identifiers(resource), draft);
    }

    private void add(
            Resource resource,
            String origin,
            Reference subject,
            String encounter,
            Instant time,
            Map<String, Integer> identifiers,
            Collected.Draft draft) {
        collected.facts.add(new Collected.Fact(
                source(resource), origin, FhirValues.referenceKey(subject), encounter, time, identifiers, draft));
    }

    private void observation(Observation resource, String origin) {
        if (resource.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
                || resource.getStatus() == Observation.ObservationStatus.CANCELLED) {
            return;
        }
        Instant time = effectiveOrIssued(resource.getEffective(), resource.hasIssued() ? resource.getIssued() : null);
        List<Measured> measured = new ArrayList<>();
        mapping.analytes()
                .match(FhirValues.concept(resource.getCode()))
                .ifPresent(analyte -> measured.add(new Measured(analyte, resource.getValue())));
        for (Observation.ObservationComponentComponent component : resource.getComponent()) {
            mapping.analytes()
                    .match(FhirValues.concept(component.getCode()))
                    .ifPresent(analyte -> measured.add(new Measured(analyte, component.getValue())));
        }
        if (measured.isEmpty()) {
            return;
        }
        Map<String, Integer> identifiers = identifiers(resource);
        SourceRef source = source(resource);
        for (Measured m : measured) {
            Collected.Draft draft = lab(source, origin, m, resource.hasDataAbsentReason());
            if (draft != null) {
                add(
                        resource,
                        origin,
                        resource.getSubject(),
                        FhirValues.referenceKey(resource.getEncounter()),
                        time,
                        identifiers,
                        draft);
            }
        }
    }

    private record Measured(String analyte, Type value) {}

    private Collected.Draft lab(SourceRef source, String origin, Measured measured, boolean dataAbsent) {
        String analyte = measured.analyte();
        Double value = null;
        String given = "";
        String givenCode = "";
        switch (measured.value()) {
            case Quantity quantity
            when quantity.hasValue() -> {
                value = quantity.getValue().doubleValue();
                given = quantity.hasUnit() ? quantity.getUnit() : quantity.hasCode() ? quantity.getCode() : "";
                givenCode = quantity.hasCode() ? quantity.getCode() : given;
            }
            case IntegerType integer
            when integer.hasValue() -> value = integer.getValue().doubleValue();
            case StringType string
            when string.hasValue() && string.getValue().trim().matches("-?\\d+(\\.\\d+)?") ->
                value = Double.parseDouble(string.getValue().trim());
            case null, default -> {
                // no numeric value
            }
        }
        if (value == null) {
            if (!dataAbsent) {
                reporter.rejected(origin, source + ": " + analyte + " result has no numeric value");
            }
            return null;
        }
        if (value.isInfinite() || value.isNaN()) {
            reporter.rejected(origin, source + ": " + analyte + " value is out of range (more than 308 digits)");
            return null;
        }
        UnitTable units = mapping.units();
        String siUnit = units.siUnit(analyte).orElse("");
        double number = value;
        String unit = given;
        String unitCode = givenCode;
        Double si = units.toSi(analyte, number, unitCode)
                .or(() -> units.toSi(analyte, number, unit))
                .orElse(null);
        if (si == null) {
            reporter.warning(
                    origin,
                    source + ": " + analyte + " unit '" + Text.safeToken(unit) + "' cannot be converted to "
                            + (siUnit.isEmpty() ? "an SI unit" : siUnit) + "; kept without an SI value");
        }
        Double siValue = si;
        return (time, all) -> new LabResult(source, analyte, number, unit, siValue, siUnit, time);
    }

    private void documentReference(DocumentReference resource, List<PlainResources.Inline> inline, String origin) {
        if (resource.getStatus() == org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus.ENTEREDINERROR
                || resource.getDocStatus() == DocumentReference.ReferredDocumentStatus.ENTEREDINERROR) {
            return;
        }
        String text = attachmentsText(inline);
        SourceRef source = source(resource);
        if (text == null) {
            reporter.rejected(origin, source + ": note has no inline text (attachment urls are not fetched)");
            return;
        }
        String type = noteType(resource.getType(), resource.getCategory());
        Instant time = resource.hasDate() ? resource.getDate().toInstant() : null;
        if (time == null) {
            time = FhirValues.instant(resource.getContext().getPeriod().getStartElement());
        }
        addNote(
                resource,
                origin,
                resource.getSubject(),
                FhirValues.firstReferenceKey(resource.getContext().getEncounter()),
                time,
                type,
                text);
    }

    private void diagnosticReport(DiagnosticReport resource, List<PlainResources.Inline> inline, String origin) {
        if (resource.getStatus() == DiagnosticReport.DiagnosticReportStatus.ENTEREDINERROR
                || resource.getStatus() == DiagnosticReport.DiagnosticReportStatus.CANCELLED) {
            return;
        }
        String text = attachmentsText(inline);
        if (text == null && resource.hasConclusion()) {
            text = resource.getConclusion();
        }
        if (text == null || text.isBlank()) {
            return; // a result panel without a report text: its Observations carry the values
        }
        String type = noteType(resource.getCode(), resource.getCategory());
        Instant time = effectiveOrIssued(resource.getEffective(), resource.hasIssued() ? resource.getIssued() : null);
        addNote(
                resource,
                origin,
                resource.getSubject(),
                FhirValues.referenceKey(resource.getEncounter()),
                time,
                type,
                text);
    }

    private void composition(Composition resource, String origin) {
        if (resource.getStatus() == Composition.CompositionStatus.ENTEREDINERROR) {
            return;
        }
        StringBuilder text = new StringBuilder();
        appendSections(resource.getSection(), text);
        if (text.isEmpty() && resource.hasText()) {
            text.append(FhirValues.narrativeText(resource.getText().getDiv()));
        }
        SourceRef source = source(resource);
        if (text.isEmpty()) {
            reporter.rejected(origin, source + ": composition has no section text");
            return;
        }
        String type = noteType(resource.getType(), resource.getCategory());
        Instant time = FhirValues.instant(resource.getDateElement());
        String body = text.toString();
        addNote(
                resource,
                origin,
                resource.getSubject(),
                FhirValues.referenceKey(resource.getEncounter()),
                time,
                type,
                body);
    }

    private static void appendSections(List<Composition.SectionComponent> sections, StringBuilder out) {
        for (Composition.SectionComponent section : sections) {
            String narrative = section.hasText()
                    ? FhirValues.narrativeText(section.getText().getDiv())
                    : "";
            if (section.hasTitle() || !narrative.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append("\n\n");
                }
                if (section.hasTitle()) {
                    out.append(section.getTitle());
                    if (!narrative.isEmpty()) {
                        out.append('\n');
                    }
                }
                out.append(narrative);
            }
            appendSections(section.getSection(), out);
        }
    }

    private static List<PlainResources.Inline> inline(DocumentReference resource) {
        List<Attachment> attachments = new ArrayList<>();
        for (DocumentReference.DocumentReferenceContentComponent content : resource.getContent()) {
            attachments.add(content.getAttachment());
        }
        return inline(attachments);
    }

    private static List<PlainResources.Inline> inline(List<Attachment> attachments) {
        List<PlainResources.Inline> inline = new ArrayList<>();
        for (Attachment attachment : attachments) {
            inline.add(new PlainResources.Inline(
                    attachment.hasContentType() ? attachment.getContentType() : null,
                    attachment.hasData() ? attachment.getData() : null));
        }
        return inline;
    }

    /**
     * The text of the inline attachments: plain text preferred over HTML, duplicates dropped; {@code null} if none has
     * inline data.
     */
    private static String attachmentsText(List<PlainResources.Inline> attachments) {
        Set<String> plain = new LinkedHashSet<>();
        Set<String> other = new LinkedHashSet<>();
        for (PlainResources.Inline attachment : attachments) {
            String text = FhirValues.attachmentText(attachment.contentType(), attachment.data());
            if (text == null) {
                continue;
            }
            boolean html = attachment.contentType() != null
                    && attachment.contentType().toLowerCase(Locale.ROOT).contains("html");
            (html ? other : plain).add(text);
        }
        Set<String> chosen = plain.isEmpty() ? other : plain;
        return chosen.isEmpty() ? null : String.join("\n\n", chosen);
    }

    private static Concept medicationConcept(Medication medication) {
        Concept concept = FhirValues.concept(medication.getCode());
        for (Medication.MedicationIngredientComponent ingredient : medication.getIngredient()) {
            if (ingredient.getItem() instanceof CodeableConcept item) {
                concept = concept.plus(FhirValues.concept(item));
            }
        }
        return concept;
    }

    /** What is known of the medication at extraction: its concept, or a reference to resolve later. */
    private record MedicationSource(Concept concept, String reference) {}

    private MedicationSource medicationSource(Type medication) {
        if (medication instanceof CodeableConcept concept) {
            return new MedicationSource(FhirValues.concept(concept), null);
        }
        if (medication instanceof Reference reference) {
            Concept concept = Concept.EMPTY;
            if (reference.getResource() instanceof Medication contained) {
                concept = medicationConcept(contained);
            }
            if (reference.hasDisplay()) {
                concept = concept.plusText(reference.getDisplay());
            }
            return new MedicationSource(concept, FhirValues.referenceKey(reference));
        }
        return new MedicationSource(Concept.EMPTY, null);
    }

    private void administration(MedicationAdministration resource, String origin) {
        if (resource.getStatus() == MedicationAdministration.MedicationAdministrationStatus.ENTEREDINERROR) {
            return;
        }
        MedicationAdministration.MedicationAdministrationDosageComponent given = resource.getDosage();
        String dosageText = given.hasText() ? given.getText() : "";
        String reason = reason(resource.getReasonCode(), resource.getReasonReference());
        String requestKey = FhirValues.referenceKey(resource.getRequest());
        medication(
                resource,
                origin,
                MedicationEventKind.ADMINISTRATION,
                medicationSource(resource.getMedication()),
                given.hasDose() ? given.getDose() : null,
                given.getRoute(),
                dosageText,
                false,
                requestKey,
                resource.hasStatus() ? resource.getStatus().toCode() : "",
                FhirValues.start(resource.getEffective()),
                reason,
                resource.getSubject(),
                FhirValues.referenceKey(resource.getContext()));
    }

    private void request(MedicationRequest resource, String origin) {
        if (resource.getStatus() == MedicationRequest.MedicationRequestStatus.ENTEREDINERROR) {
            return;
        }
        Dosage dosage = resource.getDosageInstructionFirstRep();
        Quantity dose = null;
        for (Dosage.DosageDoseAndRateComponent doseAndRate : dosage.getDoseAndRate()) {
            if (doseAndRate.hasDoseQuantity()) {
                dose = doseAndRate.getDoseQuantity();
                break;
            }
        }
        boolean prn = false;
        StringBuilder text = new StringBuilder();
        for (Dosage instruction : resource.getDosageInstruction()) {
            if (instruction.hasAsNeededBooleanType()
                            && instruction.getAsNeededBooleanType().booleanValue()
                    || instruction.hasAsNeededCodeableConcept()) {
                prn = true;
            }
            if (instruction.hasText()) {
                text.append(instruction.getText()).append(' ');
            }
            if (instruction.hasPatientInstruction()) {
                text.append(instruction.getPatientInstruction()).append(' ');
            }
        }
        prn = prn || mapping.dosageWords().prn(Text.normalise(text.toString()));
        collected.prnOrders.put(key(resource), prn);
        medication(
                resource,
                origin,
                MedicationEventKind.ORDER,
                medicationSource(resource.getMedication()),
                dose,
                dosage.getRoute(),
                text.toString().trim(),
                prn,
                null,
                resource.hasStatus() ? resource.getStatus().toCode() : "",
                FhirValues.instant(resource.getAuthoredOnElement()),
                reason(resource.getReasonCode(), resource.getReasonReference()),
                resource.getSubject(),
                FhirValues.referenceKey(resource.getEncounter()));
    }

    private static String reason(List<CodeableConcept> codes, List<Reference> references) {
        for (CodeableConcept code : codes) {
            String text = FhirValues.concept(code).firstText();
            if (!text.isEmpty()) {
                return text;
            }
        }
        for (Reference reference : references) {
            if (reference.hasDisplay()) {
                return reference.getDisplay();
            }
        }
        return "";
    }

    private void medication(
            Resource resource,
            String origin,
            MedicationEventKind kind,
            MedicationSource medication,
            Quantity dose,
            CodeableConcept route,
            String dosageText,
            boolean prnOrdered,
            String requestKey,
            String status,
            Instant time,
            String reason,
            Reference subject,
            String encounter) {
        SourceRef source = source(resource);
        Double doseMg = doseMg(dose);
        Concept routeConcept = FhirValues.concept(route);
        boolean prnText = mapping.dosageWords().prn(Text.normalise(dosageText));
        MappingTables tables = mapping;
        add(resource, origin, subject, encounter, time, identifiers(resource), (t, all) -> {
            Concept referenced =
                    medication.reference() == null ? null : all.medication(all.resolve(medication.reference()));
            Concept concept = referenced == null ? medication.concept() : referenced.plus(medication.concept());
            if (concept.isEmpty()) {
                throw new InvalidRecordException(origin, source + ": medication not identified (no code or name)");
            }
            String ingredient = tables.ingredients()
                    .match(concept)
                    .orElseGet(() -> concept.firstText().trim().toLowerCase(Locale.ROOT));
            if (ingredient.isBlank()) {
                throw new InvalidRecordException(origin, source + ": medication has codes that no mapping row names");
            }
            String names = Text.normalise(String.join(" ", concept.texts()) + " " + dosageText);
            Route mapped = tables.routes()
                    .match(routeConcept)
                    .or(() -> routeConcept.isEmpty()
                            ? tables.routes().match(new Concept(List.of(), List.of(names)))
                            : java.util.Optional.empty())
                    .map(v -> Route.valueOf(v.toUpperCase(Locale.ROOT)))
                    .orElse(routeConcept.isEmpty() ? Route.UNKNOWN : Route.OTHER);
            boolean prn = prnOrdered
                    || prnText
                    || requestKey != null && Boolean.TRUE.equals(all.prnOrders.get(all.resolve(requestKey)));
            boolean depot = tables.dosageWords().depot(names);
            return new MedicationEvent(source, kind, ingredient, doseMg, mapped, status, t, prn, depot, reason);
        });
    }

    /** The dose in mg when it is given in a mass unit, else {@code null}. */
    static Double doseMg(Quantity dose) {
        if (dose == null || !dose.hasValue()) {
            return null;
        }
        String unit = UnitTable.normaliseUnit(dose.hasCode() ? dose.getCode() : dose.getUnit());
        BigDecimal value = dose.getValue();
        BigDecimal factor = switch (unit) {
            case "mg", "milligram", "milligrams" -> BigDecimal.ONE;
            case "g", "gram", "grams" -> BigDecimal.valueOf(1000);
            case "ug", "mcg", "microgram", "micrograms" -> new BigDecimal("0.001");
            case "ng", "nanogram", "nanograms" -> new BigDecimal("0.000001");
            default -> null;
        };
        if (factor == null || value.signum() < 0) {
            return null;
        }
        return value.multiply(factor).doubleValue();
    }

    private void procedure(Procedure resource, String origin) {
        if (resource.getStatus() == Procedure.ProcedureStatus.ENTEREDINERROR) {
            return;
        }
        Concept code = FhirValues.concept(resource.getCode());
        String kind = mapping.procedures().match(code).orElse("other");
        SourceRef source = source(resource);
        Instant start = FhirValues.start(resource.getPerformed());
        Instant end = FhirValues.end(resource.getPerformed());
        String status = resource.hasStatus() ? resource.getStatus().toCode() : "";
        addByEncounter(
                resource,
                origin,
                resource.getSubject(),
                resource.getEncounter(),
                start,
                (t, all) -> new ProcedureRecord(
                        source, kind, code.firstText(), t, end != null && end.isBefore(t) ? null : end, status));
    }

    private void condition(Condition resource, String origin) {
        String verification = FhirValues.concept(resource.getVerificationStatus()).codes().stream()
                .map(Concept.Code::code)
                .findFirst()
                .orElse("");
        if (verification.equals("entered-in-error") || verification.equals("refuted")) {
            return;
        }
        String icd10 = "";
        String snomed = "";
        for (var coding : resource.getCode().getCoding()) {
            if (icd10.isEmpty() && Systems.isIcd10(coding.getSystem()) && coding.hasCode()) {
                icd10 = normaliseIcd10(coding.getCode());
            }
            if (snomed.isEmpty() && Systems.isSnomed(coding.getSystem()) && coding.hasCode()) {
                snomed = coding.getCode().trim();
            }
        }
        String display = FhirValues.concept(resource.getCode()).firstText();
        Instant time = FhirValues.start(resource.getOnset());
        if (time == null) {
            time = FhirValues.instant(resource.getRecordedDateElement());
        }
        SourceRef source = source(resource);
        String icd = icd10;
        String sct = snomed;
        addByEncounter(
                resource,
                origin,
                resource.getSubject(),
                resource.getEncounter(),
                time,
                (t, all) -> new ConditionRecord(source, icd, sct, display, t));
    }

    /** {@code "x780"} → {@code "X78.0"}; {@code "F20.0-"} → {@code "F20.0"}; a UK filler {@code "R69X"} → {@code "R69"}. */
    static String normaliseIcd10(String code) {
        String c = code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9.]", "");
        c = c.replace(".", "");
        if (c.length() > 3) {
            String rest = c.substring(3);
            if (rest.equals("X")) {
                return c.substring(0, 3);
            }
            return c.substring(0, 3) + "." + rest;
        }
        return c;
    }

    private void flag(Flag resource, String origin) {
        if (resource.getStatus() == Flag.FlagStatus.ENTEREDINERROR) {
            return;
        }
        Concept code = FhirValues.concept(resource.getCode());
        String kind = mapping.flags().match(code).orElse("other");
        SourceRef source = source(resource);
        addByEncounter(
                resource,
                origin,
                resource.getSubject(),
                resource.getEncounter(),
                FhirValues.instant(resource.getPeriod().getStartElement()),
                (t, all) -> new FlagRecord(source, kind, code.firstText(), t));
    }

    private void carePlan(CarePlan resource, String origin) {
        if (resource.getStatus() == CarePlan.CarePlanStatus.ENTEREDINERROR) {
            return;
        }
        Instant time = FhirValues.instant(resource.getCreatedElement());
        if (time == null) {
            time = FhirValues.instant(resource.getPeriod().getStartElement());
        }
        SourceRef source = source(resource);
        String status = resource.hasStatus() ? resource.getStatus().toCode() : "";
        addByEncounter(
                resource,
                origin,
                resource.getSubject(),
                resource.getEncounter(),
                time,
                (t, all) -> new CarePlanRecord(source, t, status));
    }

    private void riskAssessment(RiskAssessment resource, String origin) {
        if (resource.getStatus() == RiskAssessment.RiskAssessmentStatus.ENTEREDINERROR) {
            return;
        }
        SourceRef source = source(resource);
        String status = resource.hasStatus() ? resource.getStatus().toCode() : "";
        addByEncounter(
                resource,
                origin,
                resource.getSubject(),
                resource.getEncounter(),
                FhirValues.start(resource.getOccurrence()),
                (t, all) -> new RiskAssessmentRecord(source, t, status));
    }
}
