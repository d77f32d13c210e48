package org.mhtrigger.review.store;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDBC URL the product opens, made durable: an embedded H2 database keeps every commit it returned through a
 * {@code kill -9} of the process. Two H2 settings are needed, both measured by SIGKILLing a process that commits in a
 * loop and counting the acknowledged commits missing afterwards ({@code FaultsDurabilityTest} through the review
 * server, {@code H2KillTest} on H2 alone):
 *
 * <ul>
 *   <li>{@code WRITE_DELAY=0}. H2's default keeps commits in memory for up to 500 ms: 428 of 893 acknowledged saves
 *       were lost in 10 kills of the server.
 *   <li>{@code REUSE_SPACE=FALSE}. When H2 (2.5.252) writes a commit into a freed gap of the file rather than where it
 *       predicted the next write would go, the file header it rewrites still names the commit before, and the
 *       recovery on reopening follows the chain of predicted places only while each is right: the commits from the
 *       gap on were in the file and were dropped (60 of 24,541 acknowledged commits lost in 40 kills, up to 18 in a
 *       row; 6 of 508 saves in one run of the server's test). Appended at the end of the file, where the recovery
 *       looks first, 0 of 28,407 were lost. The file then grows by about 30 KB a save until it is compacted ({@link
 *       H2Compaction}, when the server starts).
 * </ul>
 *
 * <p>Other databases are returned unchanged. Thread-safe (stateless).
 */
public final class DatabaseUrls {
    /** The settings an H2 file database is opened with, and what each must be. */
    private static final Map<String, String> REQUIRED = requiredSettings();

    private DatabaseUrls() {}

    private static Map<String, String> requiredSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("WRITE_DELAY", "0");
        settings.put("REUSE_SPACE", "FALSE");
        return settings;
    }

    /**
     * {@code url} with {@code ;WRITE_DELAY=0;REUSE_SPACE=FALSE} added where missing when it is an H2 database kept in
     * files; in-memory H2 and other databases unchanged.
     *
     * @throws IllegalArgumentException when the URL gives one of these settings another value
     */
    public static String durable(String url) {
        if (!isH2File(url)) {
            return url;
        }
        StringBuilder durable = new StringBuilder(url);
        for (Map.Entry<String, String> setting : REQUIRED.entrySet()) {
            Matcher given = Pattern.compile(";\\s*" + setting.getKey() + "\\s*=\\s*([^;]*)", Pattern.CASE_INSENSITIVE)
                    .matcher(url);
            if (!given.find()) {
                durable.append(';').append(setting.getKey()).append('=').append(setting.getValue());
            } else if (!given.group(1).strip().equalsIgnoreCase(setting.getValue())) {
                throw new IllegalArgumentException("database URL sets " + setting.getKey() + "="
                        + given.group(1).strip() + "; it must be " + setting.getValue()
                        + " (or left out) so that every confirmed save survives a crash");
            }
        }
        return durable.toString();
    }

    /** Whether {@code url} names an H2 database kept in files (embedded or through an H2 server), not in memory. */
    public static boolean isH2File(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:");
    }

    /**
     * The path the files of an H2 database that this process opens itself start with ({@code <path>.mv.db}), as H2
     * resolves it ({@code ~} is the home folder); empty for an H2 server's database, in-memory H2 and other databases.
     */
    public static Optional<String> h2Files(String url) {
        if (!isH2File(url)) {
            return Optional.empty();
        }
        String path = url.substring("jdbc:h2:".length());
        int semicolon = path.indexOf(';');
        path = semicolon < 0 ? path : path.substring(0, semicolon);
        if (path.toLowerCase(Locale.ROOT).startsWith("file:")) {
            path = path.substring("file:".length());
        }
        if (path.startsWith("tcp:") || path.startsWith("ssl:")) {
            return Optional.empty(); // an H2 server: its files are on another machine
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Optional.of(path);
    }
}
