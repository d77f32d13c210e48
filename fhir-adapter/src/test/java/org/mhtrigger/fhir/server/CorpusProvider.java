package org.mhtrigger.fhir.server;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;

/**
 * Serves the resources of one type from memory with read and the searches the puller uses: {@code encounter},
 * {@code context}, {@code patient}, {@code status}, and the date parameters {@code date}, {@code effective-time},
 * {@code authoredon}, {@code onset-date}, {@code recorded-date} (overlap with the resource's period or instant as FHIR
 * R4 defines the parameter for its type). HAPI's HashMapResourceProvider only searches without parameters, hence this.
 */
final class CorpusProvider implements IResourceProvider {
    private final Class<? extends IBaseResource> type;
    private final Map<String, Resource> resources = new LinkedHashMap<>();

    CorpusProvider(Class<? extends IBaseResource> type, List<Resource> resources) {
        this.type = type;
        resources.forEach(r -> this.resources.put(r.getIdElement().getIdPart(), r));
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return type;
    }

    @Read
    public IBaseResource read(@IdParam IdType id) {
        Resource resource = resources.get(id.getIdPart());
        if (resource == null) {
            throw new ResourceNotFoundException(id);
        }
        return resource;
    }

    @Search
    public List<IBaseResource> search(
            @OptionalParam(name = "encounter") ReferenceParam encounter,
            @OptionalParam(name = "context") ReferenceParam context,
            @OptionalParam(name = "patient") ReferenceParam patient,
            @OptionalParam(name = "status") TokenParam status,
            @OptionalParam(name = "date") DateRangeParam date,
            @OptionalParam(name = "effective-time") DateRangeParam effectiveTime,
            @OptionalParam(name = "authoredon") DateRangeParam authoredOn,
            @OptionalParam(name = "onset-date") DateRangeParam onsetDate,
            @OptionalParam(name = "recorded-date") DateRangeParam recordedDate) {
        List<IBaseResource> found = new ArrayList<>();
        for (Resource resource : resources.values()) {
            if (matches(resource, "encounter", encounter)
                    && matches(resource, "context", context)
                    && (patient == null
                            || matches(resource, "subject", patient)
                            || matches(resource, "patient", patient))
                    && (status == null || status.getValue().equals(statusOf(resource)))
                    && (date == null || overlaps(resource, "date", date))
                    && (effectiveTime == null || overlaps(resource, "effective-time", effectiveTime))
                    && (authoredOn == null || overlaps(resource, "authoredon", authoredOn))
                    && (onsetDate == null || overlaps(resource, "onset-date", onsetDate))
                    && (recordedDate == null || overlaps(resource, "recorded-date", recordedDate))) {
                found.add(resource);
            }
        }
        return found;
    }

    private static boolean matches(Resource resource, String child, ReferenceParam wanted) {
        if (wanted == null) {
            return true;
        }
        var property = resource.getNamedProperty(child);
        if (resource instanceof DocumentReference document && "encounter".equals(child)) {
            property = document.getContext().getNamedProperty("encounter"); // R4: DocumentReference.context.encounter
        }
        if (property == null) {
            return false;
        }
        for (var value : property.getValues()) {
            if (value instanceof Reference reference
                    && reference.getReference() != null
                    && new IdType(reference.getReference()).getIdPart().equals(wanted.getIdPart())) {
                return true;
            }
        }
        return false;
    }

    private static String statusOf(Resource resource) {
        var property = resource.getNamedProperty("status");
        return property == null || property.getValues().isEmpty()
                ? null
                : property.getValues().get(0).primitiveValue();
    }

    private static boolean overlaps(Resource resource, String parameter, DateRangeParam range) {
        Date[] period = period(resource, parameter);
        if (period == null) {
            return false;
        }
        Date start = period[0];
        Date end = period[1];
        Date lower = range.getLowerBoundAsInstant();
        Date upper = range.getUpperBoundAsInstant();
        return (lower == null || end == null || !end.before(lower))
                && (upper == null || start == null || !start.after(upper));
    }

    /** {start, end} (either may be null for an open end) of what {@code parameter} indexes, or null if not set. */
    private static Date[] period(Resource resource, String parameter) {
        Object value = switch (resource) {
            case Encounter e when "date".equals(parameter) -> e.getPeriod();
            case Observation o when "date".equals(parameter) -> o.getEffective();
            case MedicationAdministration m when "effective-time".equals(parameter) -> m.getEffective();
            case MedicationRequest m when "authoredon".equals(parameter) -> m.getAuthoredOnElement();
            case Procedure p when "date".equals(parameter) -> p.getPerformed();
            case Condition c when "onset-date".equals(parameter) -> c.getOnset();
            case Condition c when "recorded-date".equals(parameter) -> c.getRecordedDateElement();
            case Flag f when "date".equals(parameter) -> f.getPeriod();
            case CarePlan c when "date".equals(parameter) -> c.getPeriod();
            case RiskAssessment r when "date".equals(parameter) -> r.getOccurrence();
            case DocumentReference d when "date".equals(parameter) -> d.getDateElement();
            case DiagnosticReport d when "date".equals(parameter) -> d.getEffective();
            case Composition c when "date".equals(parameter) -> c.getDateElement();
            default ->
                throw new InvalidRequestException(
                        "unknown search parameter " + parameter + " for " + resource.fhirType());
        };
        if (value instanceof Period p && (p.hasStart() || p.hasEnd())) {
            return new Date[] {p.getStart(), p.getEnd()};
        }
        if (value instanceof BaseDateTimeType d && d.getValue() != null) {
            return new Date[] {d.getValue(), d.getValue()};
        }
        return null;
    }
}
