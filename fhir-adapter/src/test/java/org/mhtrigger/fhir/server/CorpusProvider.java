package org.mhtrigger.fhir.server;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Serves the resources of one type from memory with read and the searches the puller uses: {@code encounter},
 * {@code context}, {@code patient}, {@code status}, {@code date} (Encounter period overlap). HAPI's
 * HashMapResourceProvider only searches without parameters, hence this.
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
            @OptionalParam(name = "date") DateRangeParam date) {
        List<IBaseResource> found = new ArrayList<>();
        for (Resource resource : resources.values()) {
            if (matches(resource, "encounter", encounter)
                    && matches(resource, "context", context)
                    && (patient == null
                            || matches(resource, "subject", patient)
                            || matches(resource, "patient", patient))
                    && (status == null || status.getValue().equals(statusOf(resource)))
                    && (date == null || overlaps(resource, date))) {
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

    private static boolean overlaps(Resource resource, DateRangeParam range) {
        if (!(resource instanceof Encounter encounter)) {
            return true;
        }
        Date start = encounter.getPeriod().getStart();
        Date end = encounter.getPeriod().getEnd();
        Date lower = range.getLowerBoundAsInstant();
        Date upper = range.getUpperBoundAsInstant();
        return (lower == null || end == null || !end.before(lower))
                && (upper == null || start == null || !start.after(upper));
    }
}
