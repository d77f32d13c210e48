package org.mhtrigger.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.mhtrigger.fhir.internal.FhirContexts;

/**
 * A real HAPI RestfulServer on Jetty at 127.0.0.1 (random port) serving the hand-written corpus with small pages, a
 * Bulk Data export, a request log and injectable faults. Thread-safe for the test that owns it. Public for the app's
 * tests (fhir-adapter's test jar).
 */
public final class TestFhirServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final Path CORPUS =
            Path.of(System.getProperty("mhtrigger.corpus", "../corpus-samples")).resolve("handwritten");

    private final Server jetty;
    private final Map<String, List<Resource>> byType;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final AtomicInteger job = new AtomicInteger();
    private volatile int pollsBeforeReady = 3;
    /**
     * Answer as HAPI FHIR's JPA server does: status polls say {@code Retry-After: 120}, and a bulk file requested with
     * {@code application/fhir+json} as its (first) Accept header comes as one FHIR Binary with the NDJSON in base64.
     */
    private volatile boolean hapiJpaStyle;
    /** Every bulk file comes as a Binary, whatever the Accept header says. */
    private volatile boolean filesAsBinary;

    private volatile SmartClient smartClient;
    private final Set<String> usedJti = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<String, Long> issued = new java.util.concurrent.ConcurrentHashMap<>(); // token -> expiry millis
    private final AtomicInteger tokenRequests = new AtomicInteger();

    /** The one SMART Backend Services client the token endpoint knows. */
    public record SmartClient(String clientId, PublicKey key, String keyId, long tokenLifetimeSeconds) {}

    private final int port;

    /** One request as the server saw it. */
    public record Request(long nanos, String method, String target, String authorization, List<String> accepts) {}

    /** What a fault does to a matching request. */
    enum Kind {
        STATUS,
        SLOW,
        DROP,
        /** Answers 200 with a fixed body; {@code {self}} in it becomes the request's own URL. */
        BODY
    }

    /** A fault applied to the next {@code times} requests matching {@code when}. */
    public static final class Fault {
        final Predicate<String> when;
        final Kind kind;
        final int status;
        final String retryAfter;
        final long delayMillis;
        final AtomicInteger left;
        String body;
        String contentType = "application/fhir+json";

        Fault(Predicate<String> when, int times, Kind kind, int status, String retryAfter, long delayMillis) {
            this.when = when;
            this.kind = kind;
            this.status = status;
            this.retryAfter = retryAfter;
            this.delayMillis = delayMillis;
            this.left = new AtomicInteger(times);
        }
    }

    public TestFhirServer(int pageSize) throws Exception {
        this(pageSize, Set.of());
    }

    /**
     * A server whose resources of the types in {@code withoutEncounterReference} have lost their reference to an
     * Encounter ({@code encounter}, or {@code context} where R4 names it so), as in systems that do not set it.
     */
    public TestFhirServer(int pageSize, Set<String> withoutEncounterReference) throws Exception {
        FhirContext fhir = FhirContexts.r4();
        byType = loadCorpus(fhir, withoutEncounterReference);
        RestfulServer restful = new RestfulServer(fhir);
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(1000);
        paging.setDefaultPageSize(pageSize);
        paging.setMaximumPageSize(pageSize);
        restful.setPagingProvider(paging);
        List<CorpusProvider> providers = new ArrayList<>();
        for (String type : List.of(
                "Patient",
                "Encounter",
                "Observation",
                "MedicationAdministration",
                "MedicationRequest",
                "Procedure",
                "Condition",
                "Flag",
                "CarePlan",
                "RiskAssessment",
                "DocumentReference",
                "DiagnosticReport",
                "Composition")) {
            providers.add(new CorpusProvider(
                    fhir.getResourceDefinition(type).getImplementingClass(), byType.getOrDefault(type, List.of())));
        }
        restful.registerProviders(new ArrayList<Object>(providers));

        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(restful), "/fhir/*");
        context.addFilter(new FilterHolder(new FaultFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        jetty.setHandler(context);
        jetty.start();
        port = connector.getLocalPort();
    }

    private static Map<String, List<Resource>> loadCorpus(FhirContext fhir, Set<String> withoutEncounterReference)
            throws IOException {
        Map<String, Map<String, Resource>> unique = new TreeMap<>();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".json")) {
                    Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, Files.readString(file));
                    bundle.getEntry().forEach(e -> add(unique, e.getResource()));
                } else if (name.endsWith(".ndjson")) {
                    for (String line : Files.readAllLines(file)) {
                        if (!line.isBlank()) {
                            add(unique, (Resource) fhir.newJsonParser().parseResource(line));
                        }
                    }
                }
            }
        }
        Map<String, List<Resource>> byType = new TreeMap<>();
        unique.forEach((type, resources) -> byType.put(
                type,
                resources.values().stream()
                        .map(r -> withoutEncounterReference.contains(type) ? withoutEncounter(fhir, r) : r)
                        .toList()));
        return byType;
    }

    private static Resource withoutEncounter(FhirContext fhir, Resource resource) {
        ObjectNode json;
        try {
            json = (ObjectNode) JSON.readTree(fhir.newJsonParser().encodeResourceToString(resource));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        json.remove("encounter");
        if ("MedicationAdministration".equals(resource.fhirType())) {
            json.remove("context");
        } else if (json.get("context") instanceof ObjectNode context) {
            context.remove("encounter"); // DocumentReference.context.encounter
        }
        Resource stripped = (Resource) fhir.newJsonParser().parseResource(json.toString());
        stripped.setIdElement(stripped.getIdElement().toUnqualifiedVersionless());
        return stripped;
    }

    /** Writes what the server serves as one NDJSON file per type into {@code dir}, for the record reader. */
    public void writeServed(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, List<Resource>> type : byType.entrySet()) {
            StringBuilder lines = new StringBuilder();
            for (Resource resource : type.getValue()) {
                lines.append(FhirContexts.r4().newJsonParser().encodeResourceToString(resource))
                        .append('\n');
            }
            Files.writeString(dir.resolve(type.getKey() + ".ndjson"), lines);
        }
    }

    private static void add(Map<String, Map<String, Resource>> unique, Resource resource) {
        resource.setIdElement(resource.getIdElement().toUnqualifiedVersionless());
        unique.computeIfAbsent(resource.fhirType(), t -> new java.util.LinkedHashMap<>())
                .putIfAbsent(resource.getIdElement().getIdPart(), resource);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/fhir");
    }

    /** Resources served, by type. */
    Map<String, List<Resource>> resources() {
        return byType;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsMatching(String part) {
        return requests.stream().filter(r -> r.target().contains(part)).toList();
    }

    void clearRequests() {
        requests.clear();
    }

    /**
     * From now on every FHIR request needs an access token from {@code /auth/token}, which checks client assertions
     * against {@code client} (signature with its public key, kid, iss, sub, aud, exp at most 5 minutes ahead, unused
     * jti) and answers 401 {@code invalid_client} otherwise.
     */
    public void requireSmart(SmartClient client) {
        smartClient = client;
    }

    /** Token requests answered with a token. */
    public int tokensIssued() {
        return tokenRequests.get();
    }

    void pollsBeforeReady(int polls) {
        pollsBeforeReady = polls;
    }

    public Fault fail(String targetPart, int times, int status, String retryAfter) {
        Fault fault = new Fault(t -> t.contains(targetPart), times, Kind.STATUS, status, retryAfter, 0);
        faults.add(fault);
        return fault;
    }

    void slow(String targetPart, int times, long delayMillis) {
        faults.add(new Fault(t -> t.contains(targetPart), times, Kind.SLOW, 0, null, delayMillis));
    }

    void drop(String targetPart, int times) {
        faults.add(new Fault(t -> t.contains(targetPart), times, Kind.DROP, 0, null, 0));
    }

    /** 200 with {@code body} (of {@code contentType}) for the next {@code times} requests whose target holds {@code targetPart}. */
    public void answer(String targetPart, int times, String contentType, String body) {
        Fault fault = new Fault(t -> t.contains(targetPart), times, Kind.BODY, 200, null, 0);
        fault.body = body;
        fault.contentType = contentType;
        faults.add(fault);
    }

    public void hapiJpaStyle(boolean value) {
        hapiJpaStyle = value;
    }

    void filesAsBinary(boolean value) {
        filesAsBinary = value;
    }

    public void clearFaults() {
        faults.clear();
        hapiJpaStyle = false;
        filesAsBinary = false;
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }

    private final class FaultFilter implements Filter {
        @Override
        public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) servletRequest;
            HttpServletResponse response = (HttpServletResponse) servletResponse;
            String target =
                    request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            requests.add(new Request(
                    System.nanoTime(),
                    request.getMethod(),
                    target,
                    request.getHeader("Authorization"),
                    java.util.Collections.list(request.getHeaders("Accept"))));
            for (Fault fault : faults) {
                if (fault.when.test(target) && fault.left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    switch (fault.kind) {
                        case STATUS -> {
                            response.setStatus(fault.status);
                            if (fault.retryAfter != null) {
                                response.setHeader("Retry-After", fault.retryAfter);
                            }
                            response.setContentType("application/fhir+json");
                            response.getWriter().write("{\"resourceType\":\"OperationOutcome\"}");
                            return;
                        }
                        case BODY -> {
                            response.setStatus(200);
                            response.setContentType(fault.contentType);
                            String self = request.getRequestURL()
                                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                            response.getWriter().write(fault.body.replace("{self}", self));
                            return;
                        }
                        case SLOW -> sleep(fault.delayMillis);
                        case DROP -> {
                            dropMidway(request, response, chain, target);
                            return;
                        }
                    }
                }
            }
            if (smart(request, response)) {
                return;
            }
            if (bulk(request, response, target)) {
                return;
            }
            chain.doFilter(request, response);
        }

        /** The SMART configuration, the token endpoint and, when a client is required, the token check. */
        private boolean smart(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path = request.getRequestURI();
            String tokenUrl = "http://127.0.0.1:" + port + "/auth/token";
            if (path.equals("/fhir/.well-known/smart-configuration")) {
                response.setStatus(200);
                response.setContentType("application/json");
                response.getWriter()
                        .write("{\"token_endpoint\":\"" + tokenUrl + "\",\"grant_types_supported\":"
                                + "[\"client_credentials\"],\"token_endpoint_auth_methods_supported\":"
                                + "[\"private_key_jwt\"],\"token_endpoint_auth_signing_alg_values_supported\":"
                                + "[\"RS384\",\"ES384\"],\"capabilities\":[\"client-confidential-asymmetric\"]}");
                return true;
            }
            if (path.equals("/auth/token")) {
                String problem = checkTokenRequest(request, tokenUrl);
                response.setContentType("application/json");
                if (problem != null) {
                    response.setStatus(problem.startsWith("invalid_request") ? 400 : 401);
                    response.getWriter()
                            .write("{\"error\":\"" + problem.split(":")[0] + "\",\"error_description\":\"" + problem
                                    + "\"}");
                    return true;
                }
                SmartClient client = smartClient;
                String token = "smart-token-" + tokenRequests.incrementAndGet();
                issued.put(token, System.currentTimeMillis() + client.tokenLifetimeSeconds() * 1000);
                response.setStatus(200);
                response.getWriter()
                        .write("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":"
                                + client.tokenLifetimeSeconds() + ",\"scope\":\"system/*.read\"}");
                return true;
            }
            if (smartClient != null && path.startsWith("/fhir/")) {
                String authorization = request.getHeader("Authorization");
                Long expiry = authorization == null || !authorization.startsWith("Bearer ")
                        ? null
                        : issued.get(authorization.substring("Bearer ".length()));
                if (expiry == null || expiry < System.currentTimeMillis()) {
                    response.setStatus(401);
                    response.setContentType("application/fhir+json");
                    response.getWriter().write("{\"resourceType\":\"OperationOutcome\"}");
                    return true;
                }
            }
            return false;
        }

        /** Null if the client credentials grant is valid, else {@code error: why}. */
        private String checkTokenRequest(HttpServletRequest request, String tokenUrl) {
            SmartClient client = smartClient;
            if (client == null || !"POST".equals(request.getMethod())) {
                return "invalid_request: no SMART client or not a POST";
            }
            if (!"client_credentials".equals(request.getParameter("grant_type"))
                    || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
                            .equals(request.getParameter("client_assertion_type"))
                    || request.getParameter("scope") == null) {
                return "invalid_request: grant_type, client_assertion_type or scope";
            }
            String[] jwt =
                    String.valueOf(request.getParameter("client_assertion")).split("\\.");
            if (jwt.length != 3) {
                return "invalid_client: not a signed JWT";
            }
            try {
                Base64.Decoder base64 = Base64.getUrlDecoder();
                JsonNode header = JSON.readTree(base64.decode(jwt[0]));
                JsonNode claims = JSON.readTree(base64.decode(jwt[1]));
                String alg = header.path("alg").asText();
                String algorithm = switch (alg) {
                    case "RS384" -> "SHA384withRSA";
                    case "ES384" -> "SHA384withECDSAinP1363Format";
                    default -> null;
                };
                if (algorithm == null || !"JWT".equals(header.path("typ").asText())) {
                    return "invalid_client: alg " + alg;
                }
                if (!client.keyId().equals(header.path("kid").asText())) {
                    return "invalid_client: unknown kid";
                }
                Signature signature = Signature.getInstance(algorithm);
                signature.initVerify(client.key());
                signature.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
                if (!signature.verify(base64.decode(jwt[2]))) {
                    return "invalid_client: bad signature";
                }
                long now = System.currentTimeMillis() / 1000;
                long exp = claims.path("exp").asLong(0);
                if (!client.clientId().equals(claims.path("iss").asText())
                        || !client.clientId().equals(claims.path("sub").asText())
                        || !tokenUrl.equals(claims.path("aud").asText())
                        || exp <= now
                        || exp > now + 300
                        || !claims.hasNonNull("jti")
                        || !usedJti.add(claims.get("jti").asText())) {
                    return "invalid_client: claims";
                }
                return null;
            } catch (IOException | java.security.GeneralSecurityException | IllegalArgumentException e) {
                return "invalid_client: " + e.getClass().getSimpleName();
            }
        }

        /** Sends the first half of the real answer with its full Content-Length, then breaks the connection. */
        private void dropMidway(
                HttpServletRequest request, HttpServletResponse response, FilterChain chain, String target)
                throws IOException, ServletException {
            Capture capture = new Capture(response);
            if (!bulk(request, capture, target)) {
                chain.doFilter(request, capture);
            }
            capture.writer.flush();
            byte[] body = capture.bytes.toByteArray();
            response.setStatus(200);
            response.setContentType("application/fhir+json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body, 0, body.length / 2);
            response.flushBuffer();
            throw new IllegalStateException("connection dropped on purpose by the test server");
        }

        private boolean bulk(HttpServletRequest request, HttpServletResponse response, String target)
                throws IOException {
            String path = request.getRequestURI();
            if (path.endsWith("/$export")) {
                int id = job.incrementAndGet();
                response.setStatus(202);
                response.setHeader("Content-Location", "http://127.0.0.1:" + port + "/bulk/status/" + id);
                return true;
            }
            if (path.startsWith("/bulk/status/")) {
                int polls = (int)
                        requests.stream().filter(r -> r.target().equals(target)).count();
                if (polls <= pollsBeforeReady) {
                    response.setStatus(202);
                    response.setHeader("Retry-After", hapiJpaStyle ? "120" : "1");
                    response.setHeader("X-Progress", "poll " + polls + " of " + pollsBeforeReady);
                    return true;
                }
                response.setStatus(200);
                response.setContentType("application/json");
                StringBuilder manifest = new StringBuilder(
                        "{\"transactionTime\":\"2026-03-01T00:00:00Z\",\"request\":\"x\",\"requiresAccessToken\":true,"
                                + "\"output\":[");
                boolean first = true;
                for (String type : byType.keySet()) {
                    manifest.append(first ? "" : ",")
                            .append("{\"type\":\"")
                            .append(type)
                            .append("\",\"url\":\"http://127.0.0.1:")
                            .append(port)
                            .append("/bulk/files/")
                            .append(type)
                            .append(".ndjson\"}");
                    first = false;
                }
                manifest.append("],\"error\":[]}");
                response.getWriter().write(manifest.toString());
                return true;
            }
            if (path.startsWith("/bulk/files/")) {
                String type = path.substring("/bulk/files/".length()).replace(".ndjson", "");
                StringBuilder ndjson = new StringBuilder();
                for (Resource resource : byType.getOrDefault(type, List.of())) {
                    ndjson.append(FhirContexts.r4().newJsonParser().encodeResourceToString(resource));
                    ndjson.append('\n');
                }
                response.setStatus(200);
                String accept = request.getHeader("Accept"); // the first, as HAPI's content negotiation takes it
                if (filesAsBinary || (hapiJpaStyle && accept != null && accept.contains("application/fhir+json"))) {
                    response.setContentType("application/fhir+json");
                    response.getWriter()
                            .write("{\"resourceType\":\"Binary\",\"id\":\"" + type
                                    + "\",\"meta\":{\"versionId\":\"1\"},"
                                    + "\"contentType\":\"application/fhir+ndjson\",\"data\":\""
                                    + Base64.getEncoder()
                                            .encodeToString(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                                    + "\"}");
                    return true;
                }
                response.setContentType("application/fhir+ndjson");
                response.getWriter().write(ndjson.toString());
                return true;
            }
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps what the servlet writes. */
    private static final class Capture extends HttpServletResponseWrapper {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintWriter writer = new PrintWriter(new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8));

        Capture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public jakarta.servlet.ServletOutputStream getOutputStream() {
            return new jakarta.servlet.ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(jakarta.servlet.WriteListener listener) {}

                @Override
                public void write(int b) {
                    writer.flush();
                    bytes.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    writer.flush();
                    bytes.write(b, off, len);
                }
            };
        }

        @Override
        public void setContentLength(int len) {}

        @Override
        public void setStatus(int sc) {}

        @Override
        public void flushBuffer() {}
    }
}
