package org.mhtrigger.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.mhtrigger.engine.screen.Rejection;
import org.mhtrigger.fhir.ReadSummary;
import org.mhtrigger.fhir.ReaderOptions;
import org.mhtrigger.fhir.RecordListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of {@link org.mhtrigger.fhir.FhirRecordReader#read}: reads the files, extracts facts, assembles records and
 * counts. Not thread-safe: one per read.
 */
public final class ReadSession implements Reporter {
    private static final Logger LOG = LoggerFactory.getLogger(ReadSession.class);
    private static final Set<String> BUNDLE_TYPES =
            Set.of("collection", "transaction", "batch", "searchset", "document");
    private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d+");
    private static final Pattern ELEMENT = Pattern.compile("\\[element=\"([A-Za-z0-9_.\\[\\]]+)\"]");

    private final FhirContext fhir;
    private final IParser parser;
    private final ObjectMapper json;
    private final RecordListener listener;
    private final Collected collected = new Collected();
    private final ResourceExtractor extractor;
    /** {@code Type/id} → digest and origin of the first copy read. */
    private final Map<String, Seen> seen = new HashMap<>();

    private int files;
    private long resources;
    private int records;
    private int rejected;
    private int warnings;
    private long stripped;

    private record Seen(byte[] digest, String origin) {}

    public ReadSession(FhirContext fhir, MappingTables mapping, ReaderOptions options, RecordListener listener) {
        this.fhir = fhir;
        this.parser = fhir.newJsonParser();
        // lenient, silent: the parser's own log lines may echo input values
        this.parser.setParserErrorHandler(new LenientErrorHandler(false));
        this.json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.listener = listener;
        this.extractor =
                new ResourceExtractor(mapping, new IdentifierScan(fhir), options.stripIdentifiers(), this, collected);
    }

    public ReadSummary run(List<Path> inputs) {
        long started = System.nanoTime();
        for (Path file : expand(inputs)) {
            files++;
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".ndjson")) {
                readNdjson(file);
            } else {
                readJson(file);
            }
        }
        new StayAssembler(collected, this).assemble(record -> {
            records++;
            listener.record(record);
        });
        LOG.info(
                "read {} files, {} resources: {} records, {} rejected, {} warnings in {} ms",
                files,
                resources,
                records,
                rejected,
                warnings,
                (System.nanoTime() - started) / 1_000_000);
        return new ReadSummary(files, resources, records, rejected, warnings, stripped);
    }

    @Override
    public void rejected(String source, String reason) {
        rejected++;
        listener.rejected(new Rejection(source, reason));
    }

    @Override
    public void warning(String source, String reason) {
        warnings++;
        listener.warning(new Rejection(source, reason));
    }

    @Override
    public void stripped(int count) {
        stripped += count;
    }

    /** Files to read, folders expanded recursively and sorted so runs are reproducible. */
    private List<Path> expand(List<Path> inputs) {
        List<Path> out = new ArrayList<>();
        Set<Path> unique = new HashSet<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile)
                            .filter(ReadSession::isFhirFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(p -> {
                                if (unique.add(p.toAbsolutePath().normalize())) {
                                    out.add(p);
                                }
                            });
                } catch (IOException e) {
                    rejected(
                            input.toString(),
                            "folder cannot be read (" + e.getClass().getSimpleName() + ")");
                }
            } else if (!Files.exists(input)) {
                rejected(input.toString(), "no such file or folder");
            } else if (!isFhirFile(input)) {
                rejected(input.toString(), "not a .json or .ndjson file");
            } else if (unique.add(input.toAbsolutePath().normalize())) {
                out.add(input);
            }
        }
        return out;
    }

    private static boolean isFhirFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".ndjson");
    }

    private void readJson(Path file) {
        String origin = file.toString();
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = json.readTree(in);
        } catch (JsonProcessingException e) {
            rejected(origin, jsonProblem(e));
            return;
        } catch (IOException e) {
            rejected(origin, "cannot be read (" + e.getClass().getSimpleName() + ")");
            return;
        }
        if (root == null || root.isMissingNode()) {
            rejected(origin, "empty file");
            return;
        }
        String problem = notAResource(root);
        if (problem != null) {
            rejected(origin, problem);
            return;
        }
        if ("Bundle".equals(root.get("resourceType").asText())) {
            readBundle(root, origin);
        } else {
            parseNode(root, origin, null);
        }
    }

    private void readBundle(JsonNode bundle, String origin) {
        String type = bundle.path("type").asText("");
        if (!BUNDLE_TYPES.contains(type)) {
            rejected(
                    origin,
                    "Bundle type '" + Text.safeToken(type)
                            + "' is not read (expected collection, transaction, batch, searchset or document)");
            return;
        }
        JsonNode entries = bundle.path("entry");
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            JsonNode resource = entry.path("resource");
            String entryOrigin = origin + " entry " + (i + 1);
            if (resource.isMissingNode() || resource.isNull()) {
                continue; // a request without a body (DELETE, conditional reference): nothing to read
            }
            String problem = notAResource(resource);
            if (problem != null) {
                rejected(entryOrigin, problem);
                continue;
            }
            if ("Bundle".equals(resource.get("resourceType").asText())) {
                rejected(entryOrigin, "a Bundle inside a Bundle is not read");
                continue;
            }
            String fullUrl = entry.path("fullUrl").asText(null);
            parseNode(resource, entryOrigin, fullUrl);
        }
    }

    /** Why a JSON node is not a FHIR R4 resource, or {@code null} if it looks like one. */
    private String notAResource(JsonNode node) {
        if (!node.isObject()) {
            return "not a FHIR resource (expected a JSON object)";
        }
        JsonNode type = node.get("resourceType");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            return "not a FHIR resource (no resourceType)";
        }
        if (!fhir.getResourceTypes().contains(type.asText())) {
            return "unknown resourceType '" + Text.safeToken(type.asText()) + "' (not a FHIR R4 resource)";
        }
        return null;
    }

    private void parseNode(JsonNode node, String origin, String fullUrl) {
        String type = node.get("resourceType").asText();
        String id = node.path("id").asText("");
        IBaseResource resource;
        try {
            resource = parser.parseResource(node.toString());
        } catch (DataFormatException e) {
            rejected(origin, describe(type, id) + ": " + fhirProblem(e));
            return;
        }
        accept((Resource) resource, origin, fullUrl);
    }

    private void readNdjson(Path file) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String origin = file + ":" + number;
                IBaseResource resource;
                try {
                    resource = parser.parseResource(line);
                } catch (DataFormatException e) {
                    rejected(origin, lineProblem(line, e));
                    continue;
                }
                if (resource instanceof Bundle bundle) {
                    for (int i = 0; i < bundle.getEntry().size(); i++) {
                        Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
                        if (entry.hasResource()) {
                            accept(entry.getResource(), origin + " entry " + (i + 1), entry.getFullUrl());
                        }
                    }
                } else {
                    accept((Resource) resource, origin, null);
                }
            }
        } catch (IOException e) {
            rejected(file.toString(), "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A one-line reason for an NDJSON line HAPI would not parse, without echoing the line. */
    private String lineProblem(String line, DataFormatException e) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException jsonProblem) {
            return jsonProblem(jsonProblem).replace("at line 1, ", "at ");
        }
        String problem = notAResource(node);
        if (problem != null) {
            return problem;
        }
        return describe(node.get("resourceType").asText(), node.path("id").asText("")) + ": " + fhirProblem(e);
    }

    private static String describe(String type, String id) {
        String safeId = Text.safeToken(id);
        return safeId.isEmpty() ? type : type + "/" + safeId;
    }

    private static String jsonProblem(JsonProcessingException e) {
        var location = e.getLocation();
        String where =
                location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof JsonEOFException || original.contains("end-of-input")) {
            return "truncated JSON (input ends" + where + ")";
        }
        return "malformed JSON" + where;
    }

    /** HAPI's messages may echo input: keep only its error code and the element it names. */
    private static String fhirProblem(DataFormatException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher code = HAPI_CODE.matcher(message);
        Matcher element = ELEMENT.matcher(message);
        StringBuilder out = new StringBuilder("not valid FHIR R4");
        if (element.find()) {
            out.append(": invalid value in element '").append(element.group(1)).append("'");
        }
        if (code.find()) {
            out.append(" (").append(code.group()).append(")");
        }
        return out.toString();
    }

    /** Deduplicates by {@code Type/id}, counts and extracts one parsed resource. */
    private void accept(Resource resource, String origin, String fullUrl) {
        String type = resource.fhirType();
        String id = resource.getIdElement().getIdPart();
        if ((id == null || id.isBlank() || id.startsWith("urn:")) && fullUrl != null && !fullUrl.isBlank()) {
            id = idFromFullUrl(fullUrl);
        } else if (id != null && id.startsWith("urn:")) {
            id = idFromFullUrl(id);
        }
        if (id == null || id.isBlank()) {
            rejected(origin, type + " has no id (nothing can refer to it)");
            return;
        }
        resource.setIdElement(new IdType(type, id));
        String key = type + "/" + id;
        if (fullUrl != null && !fullUrl.isBlank()) {
            collected.aliases.put(fullUrl.trim(), key);
        }
        byte[] digest = digest(parser.encodeResourceToString(resource));
        Seen first = seen.putIfAbsent(key, new Seen(digest, origin));
        if (first != null) {
            if (!Arrays.equals(first.digest(), digest)) {
                warning(
                        origin,
                        key + " was read before from " + first.origin()
                                + " with different content; the first copy is kept");
            }
            return;
        }
        resources++;
        extractor.extract(resource, origin);
    }

    private static String idFromFullUrl(String fullUrl) {
        String url = fullUrl.trim();
        if (url.startsWith("urn:uuid:") || url.startsWith("urn:oid:")) {
            return url.substring(url.indexOf(':', 4) + 1);
        }
        IdType id = new IdType(url);
        return id.hasIdPart() ? id.getIdPart() : null;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
