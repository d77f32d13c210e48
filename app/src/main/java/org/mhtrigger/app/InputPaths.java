package org.mhtrigger.app;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the commands that read and screen records from files. */
final class InputOptions extends ScreeningOptions {
    @Option(
            names = "--input",
            required = true,
            arity = "1..*",
            paramLabel = "PATH",
            description = "FHIR R4 JSON resources or Bundles, or Bulk Data NDJSON files; folders are read recursively.")
    List<Path> inputs;
}
