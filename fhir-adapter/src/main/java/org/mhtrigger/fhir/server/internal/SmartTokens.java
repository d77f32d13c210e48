package org.mhtrigger.fhir.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.mhtrigger.fhir.server.PullException;
import org.mhtrigger.fhir.server.PullListener;
import org.mhtrigger.fhir.server.SmartCredentials;

/**
 * Access tokens for a SMART Backend Services client. Not thread-safe: one per {@link RetryingHttp}.
 *
 * <p>The token endpoint comes from {@code <base>/.well-known/smart-configuration}. Each token request carries a fresh
 * client assertion (RFC 7523): a JWT with header {@code alg} RS384 or ES384, {@code typ} JWT, {@code kid} and optional
 * {@code jku}; claims {@code iss} = {@code sub} = client id, {@code aud} = token endpoint, {@code exp} four minutes
 * ahead (SMART allows at most five), {@code iat} and a random {@code jti}, signed with the JDK's {@code
 * java.security.Signature} (ES384 in the JOSE r‖s form). A token is renewed when less than a fifth of its lifetime, at
 * most a minute, is left.
 */
public final class SmartTokens {
    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final long ASSERTION_SECONDS = 240;
    private static final long DEFAULT_LIFETIME_SECONDS = 300;

    private final URI base;
    private final SmartCredentials client;
    private final RetryingHttp http;
    private final PullListener listener;
    private final LongSupplier nanoTime;
    private URI tokenEndpoint;
    private String token;
    private long renewAtNanos;

    /** Tokens for {@code http}'s server; {@code nanoTime} is the clock that decides renewal (tests move it). */
    public SmartTokens(RetryingHttp http, PullListener listener, LongSupplier nanoTime) {
        this.http = Objects.requireNonNull(http, "http must not be null");
        this.base = http.options().base();
        this.client = Objects.requireNonNull(http.options().smart(), "the server options have no SMART client");
        this.listener = listener;
        this.nanoTime = nanoTime;
    }

    /** A valid access token, requested if there is none yet or the current one is about to expire. */
    public String token() {
        if (token == null || nanoTime.getAsLong() - renewAtNanos >= 0) {
            request();
        }
        return token;
    }

    /** Forgets the current token, for example after the server refused it. */
    public void invalidate() {
        token = null;
    }

    public URI tokenEndpoint() {
        if (tokenEndpoint == null) {
            tokenEndpoint = discover();
        }
        return tokenEndpoint;
    }

    private URI discover() {
        URI configuration = URI.create(base + "/.well-known/smart-configuration");
        HttpRequest request = HttpRequest.newBuilder(configuration)
                .timeout(http.options().readTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        RetryingHttp.Answer answer = http.send(request);
        if (answer.status() != 200) {
            throw new PullException("SMART: GET " + configuration + " answered HTTP " + answer.status()
                    + " (the server does not advertise SMART Backend Services; use --token-file instead)");
        }
        JsonNode json = parse(answer.body(), configuration);
        String endpoint = json.path("token_endpoint").asText("");
        if (endpoint.isBlank()) {
            throw new PullException("SMART: " + configuration + " names no token_endpoint");
        }
        JsonNode algorithms = json.path("token_endpoint_auth_signing_alg_values_supported");
        if (algorithms.isArray() && !algorithms.isEmpty()) {
            boolean supported = false;
            for (JsonNode algorithm : algorithms) {
                supported |= client.algorithm().equals(algorithm.asText());
            }
            if (!supported) {
                listener.progress("warning: the server lists " + algorithms + " as signing algorithms, not "
                        + client.algorithm() + "; trying anyway");
            }
        }
        return configuration.resolve(endpoint);
    }

    private void request() {
        URI endpoint = tokenEndpoint();
        String form = "grant_type=client_credentials&scope=" + encode(client.scope()) + "&client_assertion_type="
                + encode(ASSERTION_TYPE) + "&client_assertion=" + encode(assertion(endpoint, Instant.now()));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(http.options().readTimeout())
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.US_ASCII))
                .build();
        long asked = nanoTime.getAsLong();
        RetryingHttp.Answer answer = http.send(request);
        if (answer.status() != 200) {
            String error = "";
            try {
                error = " "
                        + FhirJson.JSON.readTree(answer.body()).path("error").asText("");
            } catch (java.io.IOException | RuntimeException notJson) {
                // the status says enough
            }
            throw new PullException("SMART: the token endpoint " + endpoint + " refused client " + client.clientId()
                    + " (HTTP " + answer.status() + error.stripTrailing() + "): check --smart-client-id, --smart-key "
                    + "and --smart-kid against what the server has registered");
        }
        JsonNode json = parse(answer.body(), endpoint);
        String value = json.path("access_token").asText("");
        if (value.isBlank()) {
            throw new PullException("SMART: the token endpoint " + endpoint + " answered without an access_token");
        }
        long lifetime = json.path("expires_in").asLong(DEFAULT_LIFETIME_SECONDS);
        long margin = Math.min(60, lifetime / 5);
        token = value;
        renewAtNanos = asked + Math.max(0, lifetime - margin) * 1_000_000_000L;
        listener.progress("SMART: access token obtained, valid for " + lifetime + " s");
    }

    /** The signed client assertion for {@code audience} issued at {@code now}. */
    String assertion(URI audience, Instant now) {
        ObjectNode header = FhirJson.JSON.createObjectNode();
        header.put("alg", client.algorithm());
        header.put("typ", "JWT");
        header.put("kid", client.keyId());
        if (client.jwksUrl() != null) {
            header.put("jku", client.jwksUrl().toString());
        }
        ObjectNode claims = FhirJson.JSON.createObjectNode();
        claims.put("iss", client.clientId());
        claims.put("sub", client.clientId());
        claims.put("aud", audience.toString());
        claims.put("exp", now.getEpochSecond() + ASSERTION_SECONDS);
        claims.put("iat", now.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        String signingInput = base64(FhirJson.compact(header).getBytes(StandardCharsets.UTF_8)) + "."
                + base64(FhirJson.compact(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance(
                    "ES384".equals(client.algorithm()) ? "SHA384withECDSAinP1363Format" : "SHA384withRSA");
            signature.initSign(client.key());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new PullException(
                    "SMART: cannot sign the client assertion with the " + client.algorithm() + " key: "
                            + e.getMessage(),
                    e);
        }
    }

    private static JsonNode parse(String body, URI from) {
        try {
            JsonNode json = FhirJson.JSON.readTree(body);
            if (json == null || !json.isObject()) {
                throw new PullException("SMART: " + from + " did not answer a JSON object");
            }
            return json;
        } catch (java.io.IOException e) {
            throw new PullException("SMART: " + from + " did not answer JSON", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
