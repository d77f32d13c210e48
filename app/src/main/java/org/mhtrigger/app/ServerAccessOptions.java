package org.mhtrigger.app;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.mhtrigger.fhir.server.ServerOptions;
import org.mhtrigger.fhir.server.SmartCredentials;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How to reach a FHIR server: authorisation, page size, timeouts and retries; shared by pull and screen. */
final class ServerAccessOptions {
    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "File holding a bearer token for the server (kept out of the command line and logs).")
    Path tokenFile;

    @Option(
            names = "--smart-client-id",
            paramLabel = "ID",
            description = "SMART Backend Services client id: get access tokens from the token endpoint the server "
                    + "names in .well-known/smart-configuration, with a client assertion signed by --smart-key.")
    String smartClientId;

    @Option(
            names = "--smart-key",
            paramLabel = "FILE",
            description = "The SMART client's private key: an unencrypted PKCS#8 PEM file, RSA (signs RS384) or EC "
                    + "P-384 (signs ES384).")
    Path smartKey;

    @Option(
            names = "--smart-kid",
            paramLabel = "KID",
            description = "Key id registered with the server (default for an RSA key: its JWK thumbprint).")
    String smartKid;

    @Option(
            names = "--smart-jku",
            paramLabel = "URL",
            description = "URL of the client's JWK Set, sent as the assertion's jku header (default: none).")
    URI smartJku;

    @Option(
            names = "--smart-scope",
            paramLabel = "SCOPES",
            defaultValue = SmartCredentials.DEFAULT_SCOPE,
            description = "Scopes asked for (default: ${DEFAULT-VALUE}).")
    String smartScope;

    @Option(
            names = "--page-size",
            defaultValue = "100",
            paramLabel = "N",
            description = "Resources asked for per search page (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(
            names = "--timeout",
            defaultValue = "60",
            paramLabel = "SECONDS",
            description = "Read timeout per request in seconds (default: ${DEFAULT-VALUE}); connect timeout is 10 s.")
    int timeoutSeconds;

    @Option(
            names = "--max-attempts",
            defaultValue = "6",
            paramLabel = "N",
            description = "Attempts per request before giving up (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    /** The options for {@code server}; a bad value is a usage error of {@code cli}. */
    @Option(
            names = "--max-retry-wait",
            paramLabel = "SECONDS",
            defaultValue = "30",
            description = "Longest wait a server's Retry-After can impose before a retry or the next status poll "
                    + "(default: ${DEFAULT-VALUE} s); longer requests are capped, so Retry-After: 86400 cannot stall "
                    + "the pull.")
    int maxRetryWaitSeconds;

    ServerOptions toServerOptions(URI server, CommandLine cli) throws IOException {
        ServerOptions options;
        try {
            options = ServerOptions.of(server)
                    .withPageSize(pageSize)
                    .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(timeoutSeconds))
                    .withRetries(maxAttempts, Duration.ofSeconds(1), Duration.ofSeconds(60), 1)
                    .withMaxRetryWait(Duration.ofSeconds(maxRetryWaitSeconds));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage(), e);
        }
        if (tokenFile != null) {
            String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) {
                throw new CommandLine.ParameterException(cli, "--token-file " + tokenFile + " is empty");
            }
            options = options.withBearerToken(token);
        }
        if ((smartClientId == null) != (smartKey == null)) {
            throw new CommandLine.ParameterException(cli, "--smart-client-id and --smart-key go together");
        }
        if (smartClientId != null) {
            if (tokenFile != null) {
                throw new CommandLine.ParameterException(
                        cli, "give either --token-file or SMART client credentials, not both");
            }
            try {
                options = options.withSmart(new SmartCredentials(
                        smartClientId, SmartCredentials.readKey(smartKey), smartKid, smartJku, smartScope));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cli, e.getMessage(), e);
            }
        }
        return options;
    }
}
