package org.mhtrigger.app;

import java.nio.file.Path;
import org.mhtrigger.fhir.pseudonym.Pseudonymiser;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How stays are pulled from a FHIR server: by searches or a Bulk Data export, pseudonymised or not; pull and screen. */
final class PullSourceOptions {
    @Option(
            names = "--bulk",
            paramLabel = "SCOPE",
            description = "Use a Bulk Data $export instead of searches: 'system', or 'group:ID' for a Group.")
    String bulk;

    @Option(
            names = "--pseudonymise-key",
            paramLabel = "FILE",
            description = "Key file (16 bytes or more): replace ids and references with HMAC-SHA-256 pseudonyms and "
                    + "shift each patient's dates by a key-derived number of days, the same in every run.")
    Path pseudonymiseKey;

    boolean isBulk() {
        return bulk != null;
    }

    /** The Group id of a group export, or {@code null} for a system export. */
    String bulkGroup(CommandLine commandLine) {
        if ("system".equals(bulk)) {
            return null;
        }
        if (bulk.startsWith("group:") && bulk.length() > "group:".length()) {
            return bulk.substring("group:".length());
        }
        throw new CommandLine.ParameterException(commandLine, "--bulk '" + bulk + "' must be 'system' or 'group:ID'");
    }

    /** The pseudonymiser of --pseudonymise-key, or {@code null} without it. */
    Pseudonymiser pseudonymiser() {
        return pseudonymiseKey == null ? null : Pseudonymiser.fromKeyFile(pseudonymiseKey);
    }
}
