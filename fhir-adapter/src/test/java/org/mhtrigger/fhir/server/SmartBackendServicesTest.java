package org.mhtrigger.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.fhir.FhirRecordReader;
import org.mhtrigger.fhir.server.internal.RetryingHttp;
import org.mhtrigger.fhir.server.internal.SmartTokens;

/** SMART Backend Services client credentials against the test server's token endpoint, which checks every claim. */
@Timeout(60)
class SmartBackendServicesTest {
    private static final LocalDate FROM = LocalDate.of(2025, 3, 1);
    private static final LocalDate TO = LocalDate.of(2025, 3, 31);
    private static TestFhirServer server;
    private static KeyPair rsa;
    private static KeyPair ec;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
        rsaGenerator.initialize(2048);
        rsa = rsaGenerator.generateKeyPair();
        KeyPairGenerator ecGenerator = KeyPairGenerator.getInstance("EC");
        ecGenerator.initialize(new ECGenParameterSpec("secp384r1"));
        ec = ecGenerator.generateKeyPair();
        server = new TestFhirServer(5);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.clearRequests();
    }

    /** The private key as an unencrypted PKCS#8 PEM file, as openssl writes it. */
    static Path pem(Path dir, String name, KeyPair pair) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded());
        Path file = dir.resolve(name);
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
        return file;
    }

    private ServerOptions options(SmartCredentials client) {
        return ServerOptions.of(server.base())
                .withPageSize(5)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(4), 1)
                .withSmart(client);
    }

    @Test
    void anRs384Client_getsOneTokenFromTheAdvertisedEndpointAndSendsItWithEveryRequest() throws Exception {
        server.requireSmart(new TestFhirServer.SmartClient("mhtrigger", rsa.getPublic(), "rsa-1", 300));
        int before = server.tokensIssued();
        SmartCredentials client = new SmartCredentials(
                "mhtrigger", SmartCredentials.readKey(pem(tmp, "rsa.pem", rsa)), "rsa-1", null, null);
        Path out = tmp.resolve("rsa");

        PullSummary summary = new SearchPull(options(client), PullListener.SILENT).pull(FROM, TO, out);

        assertThat(summary.stays()).isPositive();
        assertThat(new FhirRecordReader().readAll(List.of(out))).isNotEmpty();
        assertThat(server.tokensIssued()).isEqualTo(before + 1);
        String token = "Bearer smart-token-" + server.tokensIssued();
        assertThat(server.requestsMatching("/fhir/"))
                .filteredOn(r -> !r.target().contains(".well-known"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo(token));
        assertThat(server.requestsMatching("/fhir/.well-known/smart-configuration"))
                .hasSize(1);
        assertThat(client.toString())
                .doesNotContain(Base64.getEncoder()
                        .encodeToString(rsa.getPrivate().getEncoded())
                        .substring(0, 20));
    }

    @Test
    void anEs384Client_isAcceptedToo() throws Exception {
        server.requireSmart(new TestFhirServer.SmartClient("ec-client", ec.getPublic(), "ec-1", 300));
        SmartCredentials client = new SmartCredentials(
                "ec-client", SmartCredentials.readKey(pem(tmp, "ec.pem", ec)), "ec-1", null, "system/*.rs");

        PullSummary summary = new SearchPull(options(client), PullListener.SILENT).pull(FROM, TO, tmp.resolve("ec"));

        assertThat(client.algorithm()).isEqualTo("ES384");
        assertThat(summary.stays()).isPositive();
    }

    @Test
    void aWrongKey_isRefusedWith401AndAOneLineMessage() throws Exception {
        server.requireSmart(new TestFhirServer.SmartClient("mhtrigger", rsa.getPublic(), "rsa-1", 300));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        SmartCredentials impostor = new SmartCredentials(
                "mhtrigger",
                SmartCredentials.readKey(pem(tmp, "other.pem", generator.generateKeyPair())),
                "rsa-1",
                null,
                null);

        assertThatThrownBy(() ->
                        new SearchPull(options(impostor), PullListener.SILENT).pull(FROM, TO, tmp.resolve("refused")))
                .isInstanceOf(PullException.class)
                .hasMessageContaining("HTTP 401 invalid_client")
                .hasMessageContaining("--smart-key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(server.requestsMatching("/fhir/Encounter")).isEmpty();
    }

    @Test
    void aTokenIsRenewedBeforeItExpires() throws Exception {
        server.requireSmart(new TestFhirServer.SmartClient("mhtrigger", rsa.getPublic(), "rsa-1", 300));
        SmartCredentials client = new SmartCredentials(
                "mhtrigger", SmartCredentials.readKey(pem(tmp, "rsa.pem", rsa)), "rsa-1", null, null);
        AtomicLong clock = new AtomicLong();
        try (RetryingHttp http = new RetryingHttp(options(client), PullListener.SILENT, wait -> {})) {
            SmartTokens tokens = new SmartTokens(http, PullListener.SILENT, clock::get);

            String first = tokens.token();
            clock.addAndGet(Duration.ofSeconds(239).toNanos());
            String stillFirst = tokens.token();
            clock.addAndGet(Duration.ofSeconds(2).toNanos()); // less than a minute of the 5 left
            String second = tokens.token();

            assertThat(stillFirst).isEqualTo(first);
            assertThat(second).isNotEqualTo(first).startsWith("smart-token-");
        }
    }

    @Test
    void aKeyFileThatIsNotPkcs8_isRefusedWithTheConversionCommand() throws Exception {
        Path pkcs1 = tmp.resolve("old.pem");
        Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");

        assertThatThrownBy(() -> SmartCredentials.readKey(pkcs1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("openssl pkcs8 -topk8");
    }

    @Test
    void anRsaKeyWithoutKid_usesItsJwkThumbprint() throws Exception {
        SmartCredentials client =
                new SmartCredentials("c", SmartCredentials.readKey(pem(tmp, "rsa.pem", rsa)), null, null, null);

        assertThat(client.keyId()).matches("[A-Za-z0-9_-]{43}");
        assertThat(client.scope()).isEqualTo("system/*.read");
    }
}
