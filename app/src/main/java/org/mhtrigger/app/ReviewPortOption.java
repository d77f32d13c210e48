package org.mhtrigger.app;

import picocli.CommandLine.Option;

/** The {@code --port} option of the commands that run the review UI. */
final class ReviewPortOption {
    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE}).", defaultValue = "8080")
    int port;
}
