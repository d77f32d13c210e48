package org.mhtrigger.fhir.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.mhtrigger.fhir.server.PullException;
import org.mhtrigger.fhir.server.PullListener;
import org.mhtrigger.fhir.server.ServerOptions;

/**
 * GET requests to a FHIR server with timeouts and retries. Not thread-safe: one per pull.
 *
 * <p>Retried: 408, 429 and 5xx answers (except 501), timeouts, refused or dropped connections, and answers whose body
 * cannot be used (a truncated page). The wait before a retry is the server's {@code Retry-After} (seconds or an HTTP
 * date) when given, otherwise {@code initialBackoff · 2^(retry-1)} capped at {@code maxBackoff}, less a seeded random
 * 0–50 %. Other 4xx answers fail at once.
 */
public final class RetryingHttp implements AutoCloseable {
    private static final String FHIR_JSON = "application/fhir+json";

    private final ServerOptions options;
    private final PullListener listener;
    private final Sleeper sleeper;
    private final HttpClient client;
    private final SplittableRandom jitter;
    private final ScheduledExecutorService watchdog;
    private final boolean redactUrls;
    private SmartTokens smart;
    private int requests;
    private int retries;

    public RetryingHttp(ServerOptions options, PullListener listener, Sleeper sleeper) {
        this(options, listener, sleeper, false);
    }

    /**
     * @param redactUrls {@code true} when the pull is pseudonymised: messages and exceptions then name a request by
     *     its resource type and parameter names only ({@code GET …/Observation?patient=…&_count=…}), as the values are
     *     the original ids and dates the pseudonyms hide
     */
    public RetryingHttp(ServerOptions options, PullListener listener, Sleeper sleeper, boolean redactUrls) {
        this.redactUrls = redactUrls;
        this.options = options;
        this.listener = listener;
        this.sleeper = sleeper;
        this.jitter = new SplittableRandom(options.jitterSeed());
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mhtrigger-download-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A finished exchange. */
    public record Answer(int status, HttpHeaders headers, String body) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /** Thrown by a body parser when the body is unusable: the request is retried. */
    public static final class UnusableBody extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnusableBody(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public int requests() {
        return requests;
    }

    public int retries() {
        return retries;
    }

    public ServerOptions options() {
        return options;
    }

    /**
     * A request to {@code uri} with the FHIR JSON accept header (change it with {@code setHeader}, as {@code header}
     * adds a second one) and, when {@code withToken} and {@code uri} has the server's own origin, the bearer token: a
     * {@code next} link or file URL on another host is fetched without credentials.
     */
    public HttpRequest.Builder request(URI uri, boolean withToken) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri).timeout(options.readTimeout()).setHeader("Accept", FHIR_JSON);
        if (withToken && !options.sameOrigin(uri)) {
            return builder;
        }
        if (withToken && options.smart() != null) {
            builder.header("Authorization", "Bearer " + smartTokens().token());
        } else if (withToken && options.bearerToken() != null) {
            builder.header("Authorization", "Bearer " + options.bearerToken());
        }
        return builder;
    }

    private SmartTokens smartTokens() {
        if (smart == null) {
            smart = new SmartTokens(this, listener, System::nanoTime);
        }
        return smart;
    }

    /** GETs {@code uri}, which must answer 200, and parses the body; retries until it can be parsed. */
    public <T> T getJson(URI uri, Function<String, T> parse) {
        HttpRequest request = request(uri, true).GET().build();
        boolean renewed = false;
        for (int attempt = 1; ; attempt++) {
            Answer answer = exchange(request, attempt);
            if (answer == null) {
                continue;
            }
            if (answer.status() == 401 && options.smart() != null && !renewed) {
                // the server may end a token's life early: one new token, then a 401 stands
                renewed = true;
                smartTokens().invalidate();
                request = request(uri, true).GET().build();
                continue;
            }
            if (answer.status() != 200) {
                throw refused("GET", uri, answer.status());
            }
            try {
                return parse.apply(answer.body());
            } catch (UnusableBody e) {
                retryOrGiveUp("GET", uri, attempt, e.getMessage(), null, e);
            }
        }
    }

    /**
     * Sends {@code request} until the server gives an answer that is not worth retrying: any 2xx or 3xx, or a 4xx
     * other than 408 and 429. Used for Bulk Data kick-off and status polls, whose 202 the caller handles.
     */
    public Answer send(HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            Answer answer = exchange(request, attempt);
            if (answer != null) {
                return answer;
            }
        }
    }

    /** One attempt; {@code null} when it failed in a retryable way and the wait before the next is over. */
    private Answer exchange(HttpRequest request, int attempt) {
        requests++;
        if (attempt > 1) {
            retries++;
        }
        CompletableFuture<HttpResponse<String>> future =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            response = future.get(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            retryOrGiveUp(
                    request.method(), request.uri(), attempt, "no answer within " + options.readTimeout(), null, e);
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (!(cause instanceof IOException)) {
                throw new PullException(request.method() + " " + show(request.uri()) + " failed: " + cause, cause);
            }
            retryOrGiveUp(request.method(), request.uri(), attempt, describe(cause), null, cause);
            return null;
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PullException("interrupted while waiting for " + show(request.uri()), e);
        }
        int status = response.statusCode();
        if (retryable(status)) {
            retryOrGiveUp(
                    request.method(),
                    request.uri(),
                    attempt,
                    "HTTP " + status,
                    retryAfter(response.headers()).orElse(null),
                    null);
            return null;
        }
        return new Answer(status, response.headers(), response.body());
    }

    /**
     * GETs {@code uri} and hands the 200 body to {@code consumer} as a stream, which is closed if it stays silent for
     * the read timeout. A failed attempt is started over, so {@code consumer} must overwrite what an earlier attempt
     * wrote.
     */
    public void download(URI uri, boolean withToken, BodyConsumer consumer) {
        HttpRequest request = request(uri, withToken)
                .setHeader("Accept", "application/fhir+ndjson")
                .GET()
                .build();
        for (int attempt = 1; ; attempt++) {
            requests++;
            if (attempt > 1) {
                retries++;
            }
            CompletableFuture<HttpResponse<InputStream>> future =
                    client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
            try {
                HttpResponse<InputStream> response =
                        future.get(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
                int status = response.statusCode();
                if (status != 200) {
                    response.body().close();
                    if (!retryable(status)) {
                        throw refused("GET", uri, status);
                    }
                    retryOrGiveUp(
                            "GET",
                            uri,
                            attempt,
                            "HTTP " + status,
                            retryAfter(response.headers()).orElse(null),
                            null);
                    continue;
                }
                try (InputStream body = new WatchedStream(response.body())) {
                    consumer.accept(body);
                }
                return;
            } catch (TimeoutException e) {
                future.cancel(true);
                retryOrGiveUp("GET", uri, attempt, "no answer within " + options.readTimeout(), null, e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (!(cause instanceof IOException)) {
                    throw new PullException("GET " + show(uri) + " failed: " + cause, cause);
                }
                retryOrGiveUp("GET", uri, attempt, describe(cause), null, cause);
            } catch (IOException e) {
                retryOrGiveUp("GET", uri, attempt, describe(e), null, e);
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new PullException("interrupted while downloading " + show(uri), e);
            }
        }
    }

    /** Reads a download body; may be called again from the start after a failed attempt. */
    @FunctionalInterface
    public interface BodyConsumer {
        void accept(InputStream body) throws IOException;
    }

    /** Waits as the server asked, or with backoff; throws if no attempt is left. */
    public void retryOrGiveUp(
            String method, URI uri, int attempt, String problem, Duration retryAfter, Throwable cause) {
        if (attempt >= options.maxAttempts()) {
            throw new PullException(
                    "gave up on " + method + " " + show(uri) + " after " + attempt + " attempts: " + problem, cause);
        }
        Duration wait = retryAfter != null ? capped(retryAfter) : backoff(attempt);
        listener.progress("retrying " + method + " " + show(uri) + " in " + wait.toMillis() + " ms (attempt "
                + (attempt + 1) + " of " + options.maxAttempts() + "): " + problem + cappedNote(retryAfter));
        pause(wait);
    }

    /** A server's {@code Retry-After}, at most {@link ServerOptions#maxRetryWait()}. */
    public Duration capped(Duration retryAfter) {
        return retryAfter.compareTo(options.maxRetryWait()) > 0 ? options.maxRetryWait() : retryAfter;
    }

    /** {@code "; the server asked for 86400 s, capped at 30 s (--max-retry-wait)"} when the cap applied, else empty. */
    public String cappedNote(Duration retryAfter) {
        if (retryAfter == null || retryAfter.compareTo(options.maxRetryWait()) <= 0) {
            return "";
        }
        return "; the server asked for " + retryAfter.toSeconds() + " s, capped at "
                + options.maxRetryWait().toSeconds() + " s (--max-retry-wait)";
    }

    /**
     * {@code uri} as messages show it: whole, or when redacting, the path's first segment after the base and the
     * parameter names only.
     */
    public String show(URI uri) {
        String text = uri.toString();
        if (!redactUrls) {
            return text;
        }
        String base = options.base().toString();
        String rest = text.startsWith(base) ? text.substring(base.length()) : uri.getRawPath();
        String query = null;
        int mark = rest.indexOf('?');
        if (mark >= 0) {
            query = rest.substring(mark + 1);
            rest = rest.substring(0, mark);
        }
        String[] segments = rest.split("/");
        StringBuilder out =
                new StringBuilder(text.startsWith(base) ? base : uri.getScheme() + "://" + uri.getRawAuthority());
        int shown = 0;
        for (String segment : segments) {
            if (segment.isEmpty()) {
                continue;
            }
            out.append('/').append(shown == 0 || segment.startsWith("$") ? segment : "…");
            shown++;
        }
        if (query != null) {
            out.append('?');
            String[] parameters = query.split("&");
            for (int i = 0; i < parameters.length; i++) {
                int equals = parameters[i].indexOf('=');
                out.append(i == 0 ? "" : "&")
                        .append(equals < 0 ? parameters[i] : parameters[i].substring(0, equals))
                        .append("=…");
            }
        }
        return out.toString();
    }

    /** Sleeps {@code wait}; an interruption becomes a {@link PullException}. */
    public void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PullException("interrupted while waiting to retry", e);
        }
    }

    /** The backoff before retry number {@code attempt} (1 = first retry) without a Retry-After. */
    public Duration backoff(int attempt) {
        long initial = options.initialBackoff().toMillis();
        long max = options.maxBackoff().toMillis();
        long exponential = attempt >= 31 ? max : Math.min(max, initial << Math.min(attempt - 1, 30));
        long jittered = exponential - (long) (exponential * 0.5 * jitter.nextDouble());
        return Duration.ofMillis(Math.max(0, jittered));
    }

    /** {@code Retry-After} as a wait: delta-seconds or an HTTP date. */
    public static Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get().strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    static boolean retryable(int status) {
        return status == 408 || status == 429 || (status >= 500 && status != 501);
    }

    /** The server answered with a status that retrying will not change. */
    public static final class Refused extends PullException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(String message, int status) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private Refused refused(String method, URI uri, int status) {
        String hint = switch (status) {
            case 401, 403 -> " (check the bearer token or SMART client and its scopes)";
            case 404 -> " (check the server URL)";
            default -> "";
        };
        return new Refused(method + " " + show(uri) + " answered HTTP " + status + hint, status);
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        client.close();
    }

    /** Closes the body when no byte has arrived for the read timeout, so a stalled download fails and is retried. */
    private final class WatchedStream extends java.io.FilterInputStream {
        private final AtomicLong lastRead = new AtomicLong(System.nanoTime());
        private final ScheduledFuture<?> check;
        private volatile boolean stalled;

        WatchedStream(InputStream in) {
            super(in);
            long period = Math.max(10, options.readTimeout().toMillis() / 4);
            this.check = watchdog.scheduleAtFixedRate(
                    () -> {
                        if (System.nanoTime() - lastRead.get()
                                > options.readTimeout().toNanos()) {
                            stalled = true;
                            try {
                                in.close();
                            } catch (IOException ignored) {
                                // the reader sees the closed stream and fails the attempt
                            }
                        }
                    },
                    period,
                    period,
                    TimeUnit.MILLISECONDS);
        }

        @Override
        public int read() throws IOException {
            int b = guard(super.read());
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return guard(super.read(buffer, offset, length));
        }

        private int guard(int result) throws IOException {
            if (stalled) {
                throw new IOException("download stalled for longer than " + options.readTimeout());
            }
            lastRead.set(System.nanoTime());
            return result;
        }

        @Override
        public void close() throws IOException {
            check.cancel(false);
            super.close();
        }
    }
}
