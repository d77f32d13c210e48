package org.mhtrigger.review.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per user name and client address: after {@code maxFailures} failures within {@code window}
 * that pair is locked out for {@code lockout}. A success clears the count. In memory: a restart clears it.
 * Thread-safe.
 */
public final class LoginThrottle {
    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final Clock clock;
    private final ConcurrentHashMap<String, Attempts> attempts = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Duration lockout, Clock clock) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures " + maxFailures + " must be >= 1");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
        this.clock = clock;
    }

    private static final class Attempts {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil = Instant.MIN;
    }

    /** Whether sign-in for this user name from this address is refused right now. */
    public boolean locked(String username, String address) {
        Attempts a = attempts.get(key(username, address));
        if (a == null) {
            return false;
        }
        synchronized (a) {
            return clock.instant().isBefore(a.lockedUntil);
        }
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        Attempts a = attempts.computeIfAbsent(key(username, address), k -> new Attempts());
        synchronized (a) {
            a.failures.addLast(now);
            while (!a.failures.isEmpty() && a.failures.peekFirst().isBefore(now.minus(window))) {
                a.failures.removeFirst();
            }
            if (a.failures.size() >= maxFailures) {
                a.lockedUntil = now.plus(lockout);
                a.failures.clear();
            }
        }
    }

    public void succeeded(String username, String address) {
        attempts.remove(key(username, address));
    }

    private static String key(String username, String address) {
        return (username == null ? "" : username.toLowerCase(Locale.ROOT)) + "|" + address;
    }
}
