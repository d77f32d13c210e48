package org.mhtrigger.bench.internal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mhtrigger.engine.MhTriggerException;

/**
 * A bounded, closed-loop load driver for the review UI: each virtual user signs in through the login form (with its
 * CSRF token, keeping its session cookie, like a browser) and then, round after round, requests the queue, a record
 * (a different one each round, and different users on different records) and the dashboard, each only after the
 * previous response has been read in full. So at most one request per user is in flight. Warm-up rounds first,
 * unmeasured; then all users start the measured rounds together. A response that is not 200 or not the expected page
 * is an error. Not thread-safe: one {@link #run} at a time.
 */
public final class UiLoadDriver {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** The pages requested each round, in order. */
    public enum Page {
        QUEUE("queue", "<h1>Review queue</h1>"),
        RECORD("record view", "<h1>Record "),
        DASHBOARD("dashboard", "<h1>Harm rates over time</h1>");

        private final String label;
        private final String marker;

        Page(String label, String marker) {
            this.label = label;
            this.marker = marker;
        }

        public String label() {
            return label;
        }
    }

    /** A user the driver signs in as. */
    public record Account(String username, String password) {}

    /**
     * What to run. Immutable.
     *
     * @param warmupRounds unmeasured rounds per user, at least 0
     * @param rounds measured rounds per user, at least 1; a round is one request for each {@link Page}
     * @param dashboardQuery the query string of the dashboard request, e.g. {@code from=2023-07&to=2025-06}
     */
    public record Plan(int warmupRounds, int rounds, String dashboardQuery) {
        public Plan {
            if (warmupRounds < 0) {
                throw new IllegalArgumentException("warm-up rounds " + warmupRounds + " must not be negative");
            }
            if (rounds < 1) {
                throw new IllegalArgumentException("rounds " + rounds + " must be at least 1");
            }
        }
    }

    /**
     * Latencies of one page in the measured phase, in milliseconds (nearest-rank percentiles).
     *
     * @param perSecond requests of this page per second of the measured phase
     */
    public record PageFigures(
            Page page, int requests, double p50, double p95, double p99, double max, double perSecond) {}

    /**
     * The measured phase.
     *
     * @param errors requests that failed, warm-up included
     * @param firstErrors descriptions of the first few errors (page, status; never page content)
     */
    public record Result(List<PageFigures> pages, int requests, double seconds, int errors, List<String> firstErrors) {}

    private final URI base;
    private final List<Long> reviewIds;
    private final Plan plan;
    private final AtomicLong errors = new AtomicLong();
    private final List<String> firstErrors = new ArrayList<>();

    /**
     * @param base e.g. {@code http://127.0.0.1:8080}
     * @param reviewIds the records the users open, round-robin
     */
    public UiLoadDriver(URI base, List<Long> reviewIds, Plan plan) {
        if (reviewIds.isEmpty()) {
            throw new IllegalArgumentException("reviewIds must not be empty: there is no record to open");
        }
        this.base = base;
        this.reviewIds = List.copyOf(reviewIds);
        this.plan = plan;
    }

    /** Signs every account in, then runs the rounds, one thread per account. */
    public Result run(List<Account> accounts) throws InterruptedException {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            User user = new User(i, accounts.size());
            user.signIn(accounts.get(i));
            users.add(user);
        }
        AtomicLong measuredStart = new AtomicLong();
        CyclicBarrier start = new CyclicBarrier(users.size(), () -> measuredStart.set(System.nanoTime()));
        List<Thread> threads = new ArrayList<>();
        for (User user : users) {
            threads.add(Thread.ofPlatform()
                    .name("bench-ui-user-" + (user.index + 1))
                    .start(() -> user.rounds(start)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - measuredStart.get()) / 1e9;
        List<PageFigures> pages = new ArrayList<>();
        int requests = 0;
        for (Page page : Page.values()) {
            long[] all = users.stream()
                    .flatMapToLong(u -> Arrays.stream(u.latencies.get(page), 0, u.counts.get(page)))
                    .sorted()
                    .toArray();
            requests += all.length;
            pages.add(new PageFigures(
                    page,
                    all.length,
                    percentile(all, 0.50),
                    percentile(all, 0.95),
                    percentile(all, 0.99),
                    all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6,
                    all.length / seconds));
        }
        synchronized (firstErrors) {
            return new Result(pages, requests, seconds, (int) errors.get(), List.copyOf(firstErrors));
        }
    }

    /** Nearest-rank percentile of sorted nanoseconds, in milliseconds; NaN when there are none. */
    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }

    private void error(String description) {
        errors.incrementAndGet();
        synchronized (firstErrors) {
            if (firstErrors.size() < 5) {
                firstErrors.add(description);
            }
        }
    }

    /** One virtual user: its own client, cookie jar and session. */
    private final class User {
        final int index;
        final int userCount;
        final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
        final Map<Page, long[]> latencies = new EnumMap<>(Page.class);
        final Map<Page, Integer> counts = new EnumMap<>(Page.class);

        User(int index, int userCount) {
            this.index = index;
            this.userCount = userCount;
            for (Page page : Page.values()) {
                latencies.put(page, new long[plan.rounds()]);
                counts.put(page, 0);
            }
        }

        void signIn(Account account) {
            HttpResponse<String> login = send(get("/login"))
                    .orElseThrow(() -> new MhTriggerException("the login page of " + base + " did not answer"));
            Matcher csrf = CSRF.matcher(login.body());
            if (login.statusCode() != 200 || !csrf.find()) {
                throw new MhTriggerException(
                        "the login page of " + base + " answered HTTP " + login.statusCode() + " without a CSRF token");
            }
            String form = "username=" + encode(account.username()) + "&password=" + encode(account.password())
                    + "&_csrf=" + encode(csrf.group(1));
            HttpResponse<String> signedIn = send(HttpRequest.newBuilder(base.resolve("/login"))
                            .timeout(TIMEOUT)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build())
                    .orElseThrow(() -> new MhTriggerException("signing in as " + account.username() + " failed"));
            String location = signedIn.headers().firstValue("Location").orElse("");
            if (signedIn.statusCode() != 302 || location.contains("/login")) {
                throw new MhTriggerException("signing in as " + account.username() + " failed: HTTP "
                        + signedIn.statusCode() + (location.isEmpty() ? "" : " to " + location));
            }
        }

        void rounds(CyclicBarrier start) {
            int round = 0;
            for (int w = 0; w < plan.warmupRounds(); w++, round++) {
                round(round, false);
            }
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (BrokenBarrierException e) {
                return;
            }
            for (int r = 0; r < plan.rounds(); r++, round++) {
                round(round, true);
            }
        }

        void round(int round, boolean measured) {
            long reviewId = reviewIds.get((int) (((long) round * userCount + index) % reviewIds.size()));
            request(Page.QUEUE, "/queue", measured);
            request(Page.RECORD, "/reviews/" + reviewId, measured);
            request(
                    Page.DASHBOARD,
                    "/dashboard" + (plan.dashboardQuery().isEmpty() ? "" : "?" + plan.dashboardQuery()),
                    measured);
        }

        void request(Page page, String path, boolean measured) {
            long start = System.nanoTime();
            Optional<HttpResponse<String>> response = send(get(path));
            long nanos = System.nanoTime() - start;
            if (response.isEmpty()) {
                return; // counted by send
            }
            HttpResponse<String> r = response.get();
            if (r.statusCode() != 200) {
                error(page.label() + " " + path + ": HTTP " + r.statusCode()
                        + r.headers()
                                .firstValue("Location")
                                .map(l -> " to " + l)
                                .orElse(""));
                return;
            }
            if (!r.body().contains(page.marker)) {
                error(page.label() + " " + path + ": HTTP 200 but not the " + page.label() + " page");
                return;
            }
            if (measured) {
                int n = counts.get(page);
                latencies.get(page)[n] = nanos;
                counts.put(page, n + 1);
            }
        }

        HttpRequest get(String path) {
            return HttpRequest.newBuilder(base.resolve(path))
                    .timeout(TIMEOUT)
                    .header("Accept", "text/html")
                    .GET()
                    .build();
        }

        Optional<HttpResponse<String>> send(HttpRequest request) {
            try {
                return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
            } catch (IOException e) {
                error(request.uri().getPath() + ": " + e.getClass().getSimpleName());
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error(request.uri().getPath() + ": interrupted");
                return Optional.empty();
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
