package org.mhtrigger.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.mhtrigger.engine.ConfigurationException;

/** Reads the files shipped in {@code org/mhtrigger/rules/}. Stateless, thread-safe. */
public final class Resources {
    /** The classpath folder of the catalogue, thresholds and DRL files. */
    public static final String FOLDER = "org/mhtrigger/rules/";

    private Resources() {}

    /** The UTF-8 text of {@code org/mhtrigger/rules/<name>}; a missing file is a broken jar. */
    public static String classpathText(String name) {
        return new String(classpathBytes(name), StandardCharsets.UTF_8);
    }

    public static byte[] classpathBytes(String name) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new ConfigurationException(FOLDER + name + ": not found on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(FOLDER + name + ": not readable", e);
        }
    }
}
