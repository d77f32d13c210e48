package org.mhtrigger.fhir.internal.read;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.fhir.internal.extract.Collected;
import org.mhtrigger.fhir.internal.extract.FhirValues;
import org.mhtrigger.fhir.internal.extract.ResourceExtractor;
import org.mhtrigger.fhir.internal.extract.StayAssembler;
import org.mhtrigger.fhir.internal.parse.PlainResources;
import org.mhtrigger.fhir.internal.spill.Copy;
import org.mhtrigger.fhir.internal.spill.Entry;
import org.mhtrigger.fhir.internal.spill.Route;

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
    /** The read sequence number of each Encounter kept, in the order the stays are assembled (the order read). */
    private final List<Long> encounterOrder = new ArrayList<>();

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
        sink.at(entry.seq());
        PlainResources.Plain plain = PlainResources.read(entry.json());
        Resource resource;
        if (plain != null) {
            resource = plain.resource();
        } else {
            String text = entry.text();
            String duplicate = session.duplicateKey(text);
            if (duplicate != null) {
                sink.rejected(session.origin(entry), duplicate);
                return;
            }
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
            id = Route.idFromFullUrl(fullUrl);
        } else if (id != null && id.startsWith("urn:")) {
            id = Route.idFromFullUrl(id);
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
                String before = session.origin(first.file(), first.line(), first.entry());
                if (resource instanceof Encounter encounter && otherPatient(key, encounter)) {
                    // one id, two patients: whichever copy is kept, the other patient's results would join its stay
                    collected.conflicts.add(key);
                    sink.rejected(
                            origin,
                            key + " is also in " + before + " for a different patient: the stay is refused in both");
                } else if (resource instanceof Encounter && !seen.containsKey(key)) {
                    // the first copy went to another patient's group in a split read, which refuses its stay too
                    collected.conflicts.add(key);
                    sink.rejected(
                            origin,
                            key + " is also in " + before + " for a different patient: the stay is refused in both");
                } else if (!(resource instanceof Encounter) && claimedByAnotherPatient(key, resource)) {
                    // one id, two patients: neither copy may join either patient's stay; both stays are refused
                    collected.claimedTwice.put(key, before + " and " + origin);
                    sink.rejected(
                            origin,
                            key + " is also in " + before
                                    + " for a different patient: the stays it belongs to are refused in both");
                    extract(plain, resource, key, origin, entry.seq());
                } else {
                    sink.warning(
                            origin,
                            key + " was read before from " + before
                                    + " with different content; the first copy is kept");
                }
            }
            return;
        }
        Copy later = keptElsewhere.get(Copy.otherCopyKey(entry.seq()));
        if (later != null) {
            // a later copy for another patient was read into another group, which reports it in one line
            if (resource instanceof Encounter) {
                collected.conflicts.add(key);
            } else {
                collected.claimedTwice.put(
                        key, origin + " and " + session.origin(later.file(), later.line(), later.entry()));
            }
        }
        extract(plain, resource, key, origin, entry.seq());
    }

    /** Extracts the facts of one resource that is kept. */
    private void extract(PlainResources.Plain plain, Resource resource, String key, String origin, long seq) {
        sink.counted();
        int stays = collected.encounters.size();
        try {
            if (plain != null) {
                extractor.extract(plain, origin);
            } else {
                extractor.extract(resource, origin);
            }
        } catch (RuntimeException e) {
            // one bad value rejects its resource, never the batch; the message may echo input, so only its kind is
            // shown
            sink.rejected(origin, key + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (collected.encounters.size() > stays) {
            encounterOrder.add(seq);
        }
    }

    /**
     * Whether a resource other than an Encounter, read again under {@code key} with different content, belongs to a
     * patient other than its first copy's: in a split read the first copy went to another group of patients; in one
     * group, the two copies' subjects differ.
     */
    private boolean claimedByAnotherPatient(String key, Resource resource) {
        if (!seen.containsKey(key)) {
            return true;
        }
        String now = collected.patientId(FhirValues.subjectKey(resource));
        if (now == null) {
            return false;
        }
        String type = resource.fhirType();
        String id = key.substring(type.length() + 1);
        for (int i = collected.facts.size() - 1; i >= 0; i--) {
            Collected.Fact fact = collected.facts.get(i);
            if (fact.source().type().equals(type) && fact.source().id().equals(id)) {
                String before = collected.patientId(fact.subject());
                return before != null && !before.equals(now);
            }
        }
        return false;
    }

    /** Whether the Encounter read first under {@code key} in this group names a patient other than {@code encounter}. */
    private boolean otherPatient(String key, Encounter encounter) {
        Collected.EncounterInfo first = collected.encounters.get(key);
        if (first == null) {
            return false;
        }
        String before = collected.resolve(first.subject());
        String now = collected.resolve(FhirValues.referenceKey(encounter.getSubject()));
        return before != null && now != null && !before.equals(now);
    }

    /** Assembles the group's stays, in the order their Encounters were read. */
    void assemble(Consumer<StayRecord> sink) {
        Iterator<Long> order = encounterOrder.iterator();
        new StayAssembler(collected, this.sink).assemble(() -> this.sink.at(GroupSink.STAYS + order.next()), sink);
    }
}
