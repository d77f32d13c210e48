package org.mhtrigger.app.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The commands' temporary folders. Stateless, thread-safe. */
public final class Folders {
    private Folders() {}

    /**
     * Deletes {@code folder} and everything in it as far as it can: a leftover temporary file is not worth failing a
     * run for.
     *
     * @throws IOException if the folder cannot be walked at all
     */
    public static void deleteQuietly(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (UncheckedIOException e) {
            // a file went missing or could not be listed while walking: what could be deleted is
        }
    }
}
