package org.mhtrigger.fhir.server;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A SMART Backend Services client ({@code client-confidential-asymmetric}): the registered client id and the private
 * key whose public half the authorisation server knows. Immutable, thread-safe; {@link #toString()} never shows the key.
 *
 * @param clientId the client id the server registered ({@code iss} and {@code sub} of the client assertion)
 * @param key an RSA key (signs RS384) or an EC key on P-384 (signs ES384)
 * @param keyId the {@code kid} of the assertion header; for an RSA key it defaults to the key's RFC 7638 JWK thumbprint
 * @param jwksUrl the {@code jku} header, the URL of the client's JWK Set the server was told about; {@code null} for none
 * @param scope the scopes asked for (default {@code system/*.read})
 */
public record SmartCredentials(String clientId, PrivateKey key, String keyId, URI jwksUrl, String scope) {
    public static final String DEFAULT_SCOPE = "system/*.read";

    public SmartCredentials {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("SMART client id must not be blank");
        }
        Objects.requireNonNull(key, "SMART private key must not be null");
        if (key instanceof ECPrivateKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits != 384) {
                throw new IllegalArgumentException(
                        "SMART EC key is on a " + bits + "-bit curve; ES384 needs P-384 (secp384r1)");
            }
            if (keyId == null || keyId.isBlank()) {
                throw new IllegalArgumentException("SMART EC key needs a key id (kid)");
            }
        } else if (key instanceof RSAPrivateCrtKey rsa) {
            if (rsa.getModulus().bitLength() < 2048) {
                throw new IllegalArgumentException(
                        "SMART RSA key has " + rsa.getModulus().bitLength() + " bits; at least 2048 are needed");
            }
            if (keyId == null || keyId.isBlank()) {
                keyId = thumbprint(rsa);
            }
        } else {
            throw new IllegalArgumentException("SMART key must be an RSA or EC private key, not " + key.getAlgorithm());
        }
        if (jwksUrl != null && !"https".equals(jwksUrl.getScheme()) && !"http".equals(jwksUrl.getScheme())) {
            throw new IllegalArgumentException("SMART jku '" + jwksUrl + "' must be an http(s) URL");
        }
        scope = scope == null || scope.isBlank() ? DEFAULT_SCOPE : scope.strip();
    }

    /** Reads an unencrypted PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}) holding an RSA or EC key. */
    public static PrivateKey readKey(Path pem) {
        String text;
        try {
            text = Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read SMART key file " + pem + ": " + e.getMessage(), e);
        }
        if (text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY")) {
            throw new IllegalArgumentException("SMART key file " + pem + " is not PKCS#8; convert it with: openssl "
                    + "pkcs8 -topk8 -nocrypt -in " + pem.getFileName() + " -out key.pem");
        }
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("SMART key file " + pem
                    + " holds no '-----BEGIN PRIVATE KEY-----' block (an unencrypted PKCS#8 PEM key is expected)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SMART key file " + pem + " is not valid base64", e);
        }
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisAlgorithm) {
                // try the next one
            }
        }
        throw new IllegalArgumentException("SMART key file " + pem + " holds neither an RSA nor an EC private key");
    }

    /** {@code RS384} or {@code ES384}. */
    public String algorithm() {
        return key instanceof ECPrivateKey ? "ES384" : "RS384";
    }

    /** RFC 7638 thumbprint of the RSA public key: base64url SHA-256 of {@code {"e":…,"kty":"RSA","n":…}}. */
    static String thumbprint(RSAPrivateCrtKey key) {
        String jwk = "{\"e\":\"" + unsigned(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + unsigned(key.getModulus()) + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "SmartCredentials[clientId=" + clientId + ", key=" + algorithm() + " ***, keyId=" + keyId + ", jwksUrl="
                + jwksUrl + ", scope=" + scope + "]";
    }
}
