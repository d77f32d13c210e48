package org.mhtrigger.fhir.internal;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.mhtrigger.engine.record.StayRecord;

/**
 * The resources of one group of patients (all of them when the read is not split): parses each (on the {@link
 * PlainResources} fast path when it can, else with HAPI), drops
 * duplicates, extracts its facts and finally assembles the group's stays. Not thread-safe: one per group.
 */
final class Group {
    private final ReadSession session;
    private final GroupSink sink;
    private final IParser parser;
    private final Collected collected;
    private final ResourceExtractor extractor;
    /** {@code Type/id} → the first copy read in this group. */
    private final Map<String, Copy> seen = new HashMap<>();
    /** seq → the first copy of the same resource, read into another group (it named another patient). */
    private final Map<Long, Copy> keptElsewhere;

    /** Where a resource was first read, compact so a group of many resources stays small. */
    record Copy(long digest, int file, int line, int entry) {
        static Copy of(Entry entry) {
            return new Copy(entry.digest(), entry.file(), entry.line(), entry.entry());
        }
    }

    /**
     * @param session for origins and problem descriptions (read only: a group may be read on another thread)
     * @param sink where problems and counts go: the session itself, or a {@link GroupEvents} when read on a worker
     * @param parser this group's parser (HAPI parsers are not thread-safe)
     */
    Group(
            ReadSession session,
            GroupSink sink,
            IParser parser,
            Collected collected,
            ResourceExtractor extractor,
            Map<Long, Copy> keptElsewhere) {
        this.session = session;
        this.sink = sink;
        this.parser = parser;
        this.collected = collected;
        this.extractor = extractor;
        this.keptElsewhere = keptElsewhere;
    }

    /** Parses, deduplicates and extracts one resource: on the fast path when it is plain, else with HAPI. */
    void read(Entry entry) {
        PlainResources.Plain plain = PlainResources.read(entry.json());
        Resource resource;
        if (plain != null) {
            resource = plain.resource();
        } else {
            String text = entry.text();
            IBaseResource parsed;
            try {
                parsed = parser.parseResource(text);
            } catch (DataFormatException e) {
                sink.rejected(session.origin(entry), session.problem(text, e));
                return;
            }
            if (!(parsed instanceof Resource hapi)) {
                sink.rejected(session.origin(entry), "not a FHIR R4 resource");
                return;
            }
            resource = hapi;
        }
        String origin = session.origin(entry);
        String type = resource.fhirType();
        String id = resource.getIdElement().getIdPart();
        String fullUrl = entry.fullUrl();
        if ((id == null || id.isBlank() || id.startsWith("urn:")) && fullUrl != null && !fullUrl.isBlank()) {
            id = ReadSession.idFromFullUrl(fullUrl);
        } else if (id != null && id.startsWith("urn:")) {
            id = ReadSession.idFromFullUrl(id);
        }
        if (id == null || id.isBlank()) {
            sink.rejected(origin, type + " has no id (nothing can refer to it)");
            return;
        }
        resource.setIdElement(new IdType(type, id));
        String key = type + "/" + id;
        if (fullUrl != null && !fullUrl.isBlank()) {
            collected.aliases.put(fullUrl.trim(), key);
        }
        Copy first = keptElsewhere.get(entry.seq());
        if (first == null) {
            first = seen.putIfAbsent(key, Copy.of(entry));
        }
        if (first != null) {
            if (first.digest() != entry.digest()) {
                sink.warning(
                        origin,
                        key + " was read before from " + session.origin(first.file(), first.line(), first.entry())
                                + " with different content; the first copy is kept");
            }
            return;
        }
        sink.counted();
        if (plain != null) {
            extractor.extract(plain, origin);
        } else {
            extractor.extract(resource, origin);
        }
    }

    /** Assembles the group's stays, in the order their Encounters were read. */
    void assemble(Consumer<StayRecord> sink) {
        new StayAssembler(collected, this.sink).assemble(sink);
    }
}
