package org.mhtrigger.fhir.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mhtrigger.fhir.ResourceTypes;
import org.mhtrigger.fhir.pseudonym.Pseudonymiser;
import org.mhtrigger.fhir.server.internal.FhirJson;
import org.mhtrigger.fhir.server.internal.NdjsonOutput;
import org.mhtrigger.fhir.server.internal.RetryingHttp;
import org.mhtrigger.fhir.server.internal.Sleeper;

/**
 * Pulls the inpatient stays discharged in a date range from a FHIR R4 server by search, into one NDJSON file per
 * resource type. Not thread-safe: one pull at a time per instance.
 *
 * <ol>
 *   <li>{@code Encounter?status=finished&date=ge<from>&date=le<to>&_count=<page size>}, following {@code next} links;
 *       kept are inpatient Encounters (class {@code IMP}, {@code ACUTE} or {@code NONAC}) whose period ends on a UTC day
 *       from {@code from} to {@code to}, both included.
 *   <li>For each stay: {@code Patient/<id>}; the patient's Encounters ({@code Encounter?patient=}) for transfers and
 *       readmissions; then per type the resources that reference the stay ({@code encounter=}, or {@code context=} for
 *       MedicationAdministration), for each type of {@link ResourceTypes#STAY}.
 *   <li>Then, because many systems do not set the encounter reference on every resource, per type the patient's
 *       resources dated within the stay: {@code <Type>?patient=<id>&<param>=ge<admitted>&<param>=le<discharged>} with
 *       the type's date parameter (see {@link #PATIENT_DATE_SEARCHES}). What both searches return is written once.
 * </ol>
 *
 * <p>A search the server does not support (400, 404) is skipped for the rest of the pull after one warning. After each
 * search page and each stay the output is committed (see {@link NdjsonOutput}): rerunning the same pull into the same
 * folder after an interruption continues where it stopped, writing every {@code Type/id} once.
 */
public final class SearchPull {
    /** Resource type and the search parameter that points at the Encounter. */
    static final Map<String, String> STAY_SEARCHES = orderedStaySearches();

    /**
     * Resource type and its date search parameters (FHIR R4), searched with {@code patient=} over the stay's period;
     * Condition twice, as either date may be the only one set. The record reader joins such resources to the stay by
     * the same period.
     */
    static final Map<String, List<String>> PATIENT_DATE_SEARCHES = orderedDateSearches();

    private static final Set<String> INPATIENT = Set.of("IMP", "ACUTE", "NONAC");
    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    private final ServerOptions options;
    private final PullListener listener;
    private final Pseudonymiser pseudonymiser;
    private final Sleeper sleeper;

    public SearchPull(ServerOptions options, PullListener listener) {
        this(options, listener, null, Sleeper.THREAD);
    }

    private SearchPull(ServerOptions options, PullListener listener, Pseudonymiser pseudonymiser, Sleeper sleeper) {
        this.options = Objects.requireNonNull(options, "options must not be null");
        this.listener = Objects.requireNonNull(listener, "listener must not be null");
        this.pseudonymiser = pseudonymiser;
        this.sleeper = sleeper;
    }

    /** The same pull writing pseudonymised resources (ids, references and dates; see {@link Pseudonymiser}). */
    public SearchPull pseudonymisingWith(Pseudonymiser value) {
        return new SearchPull(options, listener, value, sleeper);
    }

    /** For tests: waits go to {@code value} instead of sleeping. */
    SearchPull sleepingWith(Sleeper value) {
        return new SearchPull(options, listener, pseudonymiser, value);
    }

    private static Map<String, String> orderedStaySearches() {
        Map<String, String> searches = new LinkedHashMap<>();
        ResourceTypes.STAY.forEach(t -> searches.put(t.type(), t.encounterParameter()));
        return java.util.Collections.unmodifiableMap(searches);
    }

    private static Map<String, List<String>> orderedDateSearches() {
        Map<String, List<String>> searches = new LinkedHashMap<>();
        ResourceTypes.STAY.forEach(t -> searches.put(t.type(), t.dateParameters()));
        return java.util.Collections.unmodifiableMap(searches);
    }

    /**
     * Pulls stays discharged from {@code from} to {@code to} (inclusive, UTC days) into {@code out}, or continues an
     * interrupted pull of the same server, dates and key there.
     *
     * @throws PullException if the server refuses, keeps failing after the retries, or {@code out} holds another pull
     */
    public PullSummary pull(LocalDate from, LocalDate to, Path out) {
        Objects.requireNonNull(from, "from must not be null");
        Objects.requireNonNull(to, "to must not be null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("pull range " + from + " .. " + to + " must not end before it starts");
        }
        ObjectNode header = FhirJson.JSON.createObjectNode();
        header.put("mode", "search");
        header.put("server", options.base().toString());
        header.put("from", from.toString());
        header.put("to", to.toString());
        header.put("pseudonymKey", pseudonymiser == null ? "none" : pseudonymiser.fingerprint());
        try (RetryingHttp http = new RetryingHttp(options, listener, sleeper, pseudonymiser != null);
                NdjsonOutput output = NdjsonOutput.open(out, header)) {
            Run run = new Run(http, output, from, to);
            int stays = run.go();
            return new PullSummary(
                    stays,
                    output.resourcesThisRun(),
                    http.requests(),
                    http.retries(),
                    output.writtenThisRun(),
                    run.resumed,
                    run.selected());
        }
    }

    /** One execution of a pull. */
    private final class Run {
        private final RetryingHttp http;
        private final NdjsonOutput output;
        private final LocalDate from;
        private final LocalDate to;
        private final Map<String, StayRef> stays = new LinkedHashMap<>(); // by encounter id
        private final Set<String> unsupported = new HashSet<>();
        private final boolean resumed;
        /**
         * Pseudonyms of the encounters pulled, when pseudonymising: the state file then holds no original id or date,
         * so a resumed pull searches again and skips these.
         */
        private final Set<String> pulled = new java.util.LinkedHashSet<>();

        private long lastProgress = System.nanoTime();

        Run(RetryingHttp http, NdjsonOutput output, LocalDate from, LocalDate to) {
            this.http = http;
            this.output = output;
            this.from = from;
            this.to = to;
            this.resumed = output.resumed();
        }

        int go() {
            if (pseudonymiser != null) {
                return goPseudonymised();
            }
            ObjectNode progress = output.progress();
            String phase = progress == null ? "search" : progress.path("phase").asText("search");
            if (progress != null) {
                for (JsonNode stay : progress.path("stays")) {
                    stays.put(
                            stay.get("encounter").asText(),
                            new StayRef(
                                    stay.get("patient").asText(),
                                    stay.path("start").asText(null),
                                    stay.path("end").asText(null)));
                }
                progress.path("unsupported").forEach(type -> unsupported.add(type.asText()));
                listener.progress("resuming: " + phase + ", " + stays.size() + " stays found, "
                        + progress.path("completed").asInt(0) + " pulled");
            }
            if ("search".equals(phase)) {
                String next = progress == null ? null : progress.path("next").asText(null);
                search(next);
            }
            int completed = progress == null ? 0 : progress.path("completed").asInt(0);
            List<Map.Entry<String, StayRef>> all = new ArrayList<>(stays.entrySet());
            for (int i = completed; i < all.size(); i++) {
                pullStay(all.get(i).getKey(), all.get(i).getValue());
                output.commit(state(i + 1 == all.size() ? "done" : "stays", null, i + 1));
                report(i + 1, all.size());
            }
            if (all.isEmpty() || completed == all.size()) {
                output.commit(state("done", null, all.size()));
            }
            listener.progress("pulled " + all.size() + " stays: " + output.resourcesThisRun()
                    + " resources written by this run, " + http.requests() + " requests, " + http.retries()
                    + " retries");
            return all.size();
        }

        /** As {@link #go}, keeping only pseudonyms in the state file. */
        private int goPseudonymised() {
            ObjectNode progress = output.progress();
            if (progress != null) {
                progress.path("done").forEach(done -> pulled.add(done.asText()));
                progress.path("unsupported").forEach(type -> unsupported.add(type.asText()));
                listener.progress("resuming: searching again (the state of a pseudonymised pull holds no original "
                        + "ids), " + pulled.size() + " stays already pulled");
            }
            search(null);
            List<Map.Entry<String, StayRef>> all = new ArrayList<>(stays.entrySet());
            for (int i = 0; i < all.size(); i++) {
                String pseudonym =
                        pseudonymiser.pseudonym("Encounter", all.get(i).getKey());
                if (!pulled.contains(pseudonym)) {
                    pullStay(all.get(i).getKey(), all.get(i).getValue());
                    pulled.add(pseudonym);
                    output.commit(state("stays", null, pulled.size()));
                }
                report(i + 1, all.size());
            }
            output.commit(state("done", null, pulled.size()));
            listener.progress("pulled " + all.size() + " stays: " + output.resourcesThisRun()
                    + " resources written by this run, " + http.requests() + " requests, " + http.retries()
                    + " retries");
            return all.size();
        }

        private void search(String resumeAt) {
            String first = options.base() + "/Encounter?status=finished&date=ge" + from + "&date=le" + to + "&_count="
                    + options.pageSize();
            int[] pages = {0};
            readPages(
                    resumeAt == null ? first : resumeAt,
                    (url, e) -> {
                        if (url.equals(first)) {
                            throw e;
                        }
                        // a server forgets paging cursors after a while: search again, the stays found are kept
                        listener.progress(
                                "the saved search page has expired (HTTP " + e.status() + "): searching again");
                        return first;
                    },
                    page -> {
                        for (JsonNode encounter : page.resources()) {
                            consider(encounter);
                        }
                        pages[0]++;
                        output.commit(state(page.next() == null ? "stays" : "search", page.next(), 0));
                        listener.progress("search page " + pages[0] + ": " + stays.size() + " stays so far");
                    });
        }

        /** What to read after the server refused {@code url}: a URL to start again from, {@code null} to stop. */
        private interface Refusal {
            String next(String url, RetryingHttp.Refused e);
        }

        /**
         * Reads the pages from {@code url} on, following their next links; a refused page goes to {@code refusal},
         * which throws or says where to go on, and a next link back to a page already read stops the pull.
         */
        private void readPages(String url, Refusal refusal, java.util.function.Consumer<FhirJson.Page> onPage) {
            Set<String> seen = new HashSet<>();
            while (url != null) {
                checkNotSeen(seen, url);
                FhirJson.Page page;
                try {
                    page = http.getJson(URI.create(url), FhirJson::page);
                } catch (RetryingHttp.Refused e) {
                    url = refusal.next(url, e);
                    seen.clear();
                    continue;
                }
                onPage.accept(page);
                url = page.next();
            }
        }

        /** The selected stays' encounter ids as written to the files. */
        List<String> selected() {
            return stays.keySet().stream()
                    .map(id -> pseudonymiser == null ? id : pseudonymiser.pseudonym("Encounter", id))
                    .toList();
        }

        private void consider(JsonNode encounter) {
            if (!"Encounter".equals(encounter.path("resourceType").asText())
                    || !"finished".equals(encounter.path("status").asText())
                    || !INPATIENT.contains(encounter.path("class").path("code").asText())) {
                return;
            }
            LocalDate end = FhirJson.utcDay(encounter.path("period").path("end").asText(null));
            String patient = FhirJson.referencedId(encounter.path("subject"), "Patient");
            if (end == null || patient == null || end.isBefore(from) || end.isAfter(to)) {
                return;
            }
            stays.putIfAbsent(
                    encounter.get("id").asText(),
                    new StayRef(
                            patient,
                            encounter.path("period").path("start").asText(null),
                            encounter.path("period").path("end").asText()));
        }

        private void pullStay(String encounterId, StayRef stay) {
            String patientId = stay.patient();
            String patientKey = pseudonymiser == null ? patientId : pseudonymiser.pseudonym("Patient", patientId);
            if (!output.contains("Patient", patientKey)) {
                write(http.getJson(URI.create(options.base() + "/Patient/" + encode(patientId)), FhirJson::resource));
            }
            searchAll("Encounter", "patient", "patient=" + encode(patientId), "Encounter");
            for (Map.Entry<String, String> search : STAY_SEARCHES.entrySet()) {
                String type = search.getKey();
                if (!unsupported.contains(type)) {
                    searchAll(type, search.getValue(), search.getValue() + "=" + encode(encounterId), type);
                }
            }
            if (stay.end() == null) {
                return; // a stay found by an older version of this pull, which did not record dates: by reference only
            }
            for (Map.Entry<String, List<String>> search : PATIENT_DATE_SEARCHES.entrySet()) {
                String type = search.getKey();
                for (String parameter : search.getValue()) {
                    String key = type + "?" + parameter;
                    if (unsupported.contains(key)) {
                        continue;
                    }
                    String query = "patient=" + encode(patientId)
                            + (stay.start() == null ? "" : "&" + parameter + "=" + encode("ge" + stay.start()))
                            + "&" + parameter + "=" + encode("le" + stay.end());
                    searchAll(type, "patient and " + parameter, query, key);
                }
            }
        }

        /** Follows every page of {@code type?query}; {@code key} names the search in the unsupported list. */
        private void searchAll(String type, String parameter, String query, String key) {
            readPages(
                    options.base() + "/" + type + "?" + query + "&_count=" + options.pageSize(),
                    (url, e) -> {
                        if ((e.status() == 400 || e.status() == 404) && !"Encounter".equals(type)) {
                            unsupported.add(key);
                            listener.progress("warning: the server does not search " + type + " by " + parameter
                                    + " (HTTP " + e.status() + "); skipping that search");
                            return null;
                        }
                        throw e;
                    },
                    page -> page.resources().forEach(this::write));
        }

        private void write(JsonNode resource) {
            String type = resource.path("resourceType").asText();
            String id = resource.path("id").asText();
            if (type.isEmpty() || id.isEmpty()) {
                return;
            }
            String line;
            String key = id;
            if (pseudonymiser == null) {
                line = FhirJson.compact(resource);
            } else {
                key = pseudonymiser.pseudonym(type, id);
                if (output.contains(type, key)) {
                    return;
                }
                line = pseudonymiser.pseudonymise(type + "/" + id, FhirJson.compact(resource));
            }
            output.write(type + ".ndjson", type, key, line);
        }

        /** Ends the pull when a {@code next} link leads back to a page of the same search: it would never end. */
        private void checkNotSeen(Set<String> seen, String url) {
            if (!seen.add(url)) {
                throw new PullException("the server's next link leads back to a page already read ("
                        + http.show(URI.create(url)) + ") after " + (seen.size()) + " pages: stopping, as the search "
                        + "would never end; the server's paging is broken");
            }
        }

        private ObjectNode state(String phase, String next, int completed) {
            ObjectNode state = FhirJson.JSON.createObjectNode();
            state.put("phase", phase);
            if (pseudonymiser != null) {
                // no original id, date or search link: a resumed pull searches again and skips the stays done
                state.put("completed", completed);
                ArrayNode done = state.putArray("done");
                pulled.forEach(done::add);
                ArrayNode skipped = state.putArray("unsupported");
                unsupported.stream().sorted().forEach(skipped::add);
                return state;
            }
            if (next != null) {
                state.put("next", next);
            }
            state.put("completed", completed);
            ArrayNode list = state.putArray("stays");
            stays.forEach((encounter, stay) -> {
                ObjectNode entry = list.addObject().put("encounter", encounter).put("patient", stay.patient());
                if (stay.start() != null) {
                    entry.put("start", stay.start());
                }
                entry.put("end", stay.end());
            });
            ArrayNode skipped = state.putArray("unsupported");
            unsupported.stream().sorted().forEach(skipped::add);
            return state;
        }

        private void report(int done, int total) {
            long now = System.nanoTime();
            if (done == total || now - lastProgress > PROGRESS_EVERY_NANOS) {
                lastProgress = now;
                listener.progress("pulled " + done + "/" + total + " stays, " + output.resourcesThisRun()
                        + " resources, " + http.retries() + " retries");
            }
        }
    }

    /** A stay found by the Encounter search: its patient and period as the server wrote them ({@code start} may be null). */
    private record StayRef(String patient, String start, String end) {}

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
