package org.mhtrigger.fhir.server;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to talk to a FHIR server. Immutable, thread-safe. {@link #toString()} never shows the token.
 *
 * @param base the server's base URL, e.g. {@code https://fhir.example.org/r4}; a trailing slash is dropped
 * @param bearerToken sent as {@code Authorization: Bearer …}; {@code null} for none
 * @param connectTimeout how long to wait for a connection (default 10 s)
 * @param readTimeout how long one request may take to answer a search page or status poll in full, or a download may
 *     stay silent (default 60 s)
 * @param maxAttempts attempts per request before giving up, first one included (default 6)
 * @param initialBackoff wait before the first retry when the server gives no {@code Retry-After} (default 1 s); it
 *     doubles with each retry up to {@code maxBackoff} (default 60 s), and a seeded jitter takes 0–50 % off
 * @param jitterSeed seed of the jitter, so that a run's waits can be reproduced (default 1)
 * @param pageSize {@code _count} asked for in searches (default 100)
 * @param maxRetryWait the longest wait a {@code Retry-After} header can impose before a retry or the next status
 *     poll of a Bulk Data export (default 30 s): a server that asks for more (HAPI FHIR asks for 120 s on every poll)
 *     is asked again sooner, so a hostile or misconfigured {@code Retry-After: 86400} cannot stall a pull
 * @param smart SMART Backend Services client credentials: access tokens are then obtained from the token endpoint the
 *     server advertises in {@code .well-known/smart-configuration} and renewed before they expire; {@code null} for
 *     none (then {@code bearerToken}, if any, is sent)
 */
public record ServerOptions(
        URI base,
        String bearerToken,
        Duration connectTimeout,
        Duration readTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        long jitterSeed,
        int pageSize,
        SmartCredentials smart,
        Duration maxRetryWait) {
    public ServerOptions {
        Objects.requireNonNull(base, "base URL must not be null");
        if (!base.isAbsolute() || !("http".equals(base.getScheme()) || "https".equals(base.getScheme()))) {
            throw new IllegalArgumentException("server URL '" + base + "' must be an absolute http or https URL");
        }
        String text = base.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        base = URI.create(text);
        positive(connectTimeout, "connect timeout");
        positive(readTimeout, "read timeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts " + maxAttempts + " must be >= 1");
        }
        Objects.requireNonNull(initialBackoff, "initial backoff must not be null");
        Objects.requireNonNull(maxBackoff, "max backoff must not be null");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "backoff " + initialBackoff + " .. " + maxBackoff + " must satisfy 0 <= initial <= max");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size " + pageSize + " must be >= 1");
        }
        positive(maxRetryWait, "maximum retry wait");
        if (smart != null && bearerToken != null) {
            throw new IllegalArgumentException("give either a bearer token or SMART client credentials, not both");
        }
    }

    private static void positive(Duration value, String field) {
        Objects.requireNonNull(value, field + " must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " " + value + " must be > 0");
        }
    }

    /** Defaults for {@code base}: no token, 10 s connect, 60 s read, 6 attempts, backoff 1 s .. 60 s, 100 a page. */
    public static ServerOptions of(URI base) {
        return new ServerOptions(
                base,
                null,
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                6,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                1,
                100,
                null,
                Duration.ofSeconds(30));
    }

    public ServerOptions withBearerToken(String token) {
        return with(f -> f.bearerToken = token);
    }

    /** These options obtaining access tokens as the SMART Backend Services client {@code value}. */
    public ServerOptions withSmart(SmartCredentials value) {
        return with(f -> f.smart = value);
    }

    public ServerOptions withTimeouts(Duration connect, Duration read) {
        return with(f -> {
            f.connectTimeout = connect;
            f.readTimeout = read;
        });
    }

    public ServerOptions withRetries(int attempts, Duration initial, Duration max, long seed) {
        return with(f -> {
            f.maxAttempts = attempts;
            f.initialBackoff = initial;
            f.maxBackoff = max;
            f.jitterSeed = seed;
        });
    }

    public ServerOptions withPageSize(int size) {
        return with(f -> f.pageSize = size);
    }

    /** These options with {@code value} as the longest wait a {@code Retry-After} can impose. */
    public ServerOptions withMaxRetryWait(Duration value) {
        return with(f -> f.maxRetryWait = value);
    }

    /** These options with {@code change} made to a copy of their fields, checked again as new options. */
    private ServerOptions with(Consumer<Fields> change) {
        Fields fields = new Fields(this);
        change.accept(fields);
        return fields.options();
    }

    /** The fields of options being changed by one of the {@code with} methods. */
    private static final class Fields {
        final URI base;
        String bearerToken;
        Duration connectTimeout;
        Duration readTimeout;
        int maxAttempts;
        Duration initialBackoff;
        Duration maxBackoff;
        long jitterSeed;
        int pageSize;
        SmartCredentials smart;
        Duration maxRetryWait;

        Fields(ServerOptions options) {
            base = options.base;
            bearerToken = options.bearerToken;
            connectTimeout = options.connectTimeout;
            readTimeout = options.readTimeout;
            maxAttempts = options.maxAttempts;
            initialBackoff = options.initialBackoff;
            maxBackoff = options.maxBackoff;
            jitterSeed = options.jitterSeed;
            pageSize = options.pageSize;
            smart = options.smart;
            maxRetryWait = options.maxRetryWait;
        }

        ServerOptions options() {
            return new ServerOptions(
                    base,
                    bearerToken,
                    connectTimeout,
                    readTimeout,
                    maxAttempts,
                    initialBackoff,
                    maxBackoff,
                    jitterSeed,
                    pageSize,
                    smart,
                    maxRetryWait);
        }
    }

    /** Whether {@code uri} has the base URL's origin (scheme, host and port): only there do credentials go. */
    public boolean sameOrigin(java.net.URI uri) {
        return uri != null
                && base.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()))
                && base.getHost() != null
                && base.getHost().equalsIgnoreCase(uri.getHost())
                && port(base) == port(uri);
    }

    private static int port(java.net.URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    @Override
    public String toString() {
        return "ServerOptions[base=" + base + ", bearerToken=" + (bearerToken == null ? "none" : "***")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", maxAttempts="
                + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff + ", jitterSeed="
                + jitterSeed + ", pageSize=" + pageSize + ", smart=" + smart + ", maxRetryWait=" + maxRetryWait + "]";
    }
}
