package org.mhtrigger.app;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --input} files and folders of the commands that read records from files (not from a server). */
final class InputPaths {
    @Option(
            names = "--input",
            required = true,
            arity = "1..*",
            paramLabel = "PATH",
            description = "FHIR R4 JSON resources or Bundles, or Bulk Data NDJSON files; folders are read recursively.")
    List<Path> inputs;
}
