package org.mhtrigger.review.store;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDBC URL the product opens, made durable: an embedded H2 database commits to its file before a save is
 * confirmed. H2's default write delay (500 ms) keeps commits in memory for up to half a second, and a {@code kill
 * -9} of the server lost every save confirmed in that time (measured by {@code FaultsDurabilityTest}: 428 of 893
 * acknowledged saves lost in 10 kills; with {@code WRITE_DELAY=0}, 0 of 466). Other databases are returned unchanged.
 * Thread-safe (stateless).
 */
public final class DatabaseUrls {
    private static final Pattern WRITE_DELAY =
            Pattern.compile(";\\s*WRITE_DELAY\\s*=\\s*([^;]*)", Pattern.CASE_INSENSITIVE);

    private DatabaseUrls() {}

    /**
     * {@code url} with {@code ;WRITE_DELAY=0} added when it is an H2 database kept in files; in-memory H2 and other
     * databases unchanged.
     *
     * @throws IllegalArgumentException when the URL asks H2 for a write delay other than 0
     */
    public static String durable(String url) {
        if (!isH2File(url)) {
            return url;
        }
        Matcher delay = WRITE_DELAY.matcher(url);
        if (delay.find()) {
            if (!delay.group(1).strip().equals("0")) {
                throw new IllegalArgumentException(
                        "database URL sets WRITE_DELAY=" + delay.group(1).strip()
                                + "; it must be 0 (or left out) so that every confirmed save survives a crash");
            }
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }

    /** Whether {@code url} names an H2 database kept in files (embedded or through an H2 server), not in memory. */
    public static boolean isH2File(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:");
    }
}
