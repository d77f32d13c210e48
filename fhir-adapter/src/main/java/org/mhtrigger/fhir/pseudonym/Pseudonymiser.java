package org.mhtrigger.fhir.pseudonym;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.util.FhirTerser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.mhtrigger.engine.ConfigurationException;
import org.mhtrigger.engine.InvalidRecordException;
import org.mhtrigger.fhir.internal.FhirContexts;

/**
 * Replaces logical ids and references with keyed pseudonyms and shifts a patient's dates, the same way for every
 * resource and every run with the same key. Immutable, thread-safe.
 *
 * <ul>
 *   <li>A resource's id {@code id} of type {@code T} becomes the first 32 hex digits of {@code HMAC-SHA-256(key,
 *       "T/id")}; a reference {@code T/id} (relative or absolute) becomes {@code T/<pseudonym>}, so references still
 *       resolve. Contained ({@code #x}) and {@code urn:} references are left as they are.
 *   <li>Every date, date-time and instant with at least day precision in a resource of patient {@code P} (the Patient
 *       itself, or the resource's {@code subject}/{@code patient}) moves by {@link #dateShiftDays}{@code (P)}, between
 *       1 and {@value #MAX_SHIFT_DAYS} days back or forward and never 0; times of day and intervals are kept. Year-
 *       and month-precision dates (a year-level birth date) are left as they are. Dates written inside note text are
 *       not changed.
 *   <li>Identifiers, names and other elements are left to the anonymisation guard of the reader.
 * </ul>
 */
public final class Pseudonymiser {
    /** The largest date shift, in days. */
    public static final int MAX_SHIFT_DAYS = 180;

    private static final String HMAC = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 16;

    private final byte[] key;
    private final FhirContext fhir = FhirContexts.r4();

    /** @throws ConfigurationException if the key is shorter than 16 bytes */
    public Pseudonymiser(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new ConfigurationException("pseudonymisation key must be at least " + MIN_KEY_BYTES + " bytes, not "
                    + (key == null ? 0 : key.length));
        }
        this.key = key.clone();
    }

    /**
     * The key in {@code file}: its bytes, without a final line break (so a key written with {@code echo} or {@code
     * openssl rand -hex 32 > key} works).
     */
    public static Pseudonymiser fromKeyFile(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
                end--;
            }
            return new Pseudonymiser(Arrays.copyOf(bytes, end));
        } catch (IOException e) {
            throw new ConfigurationException(
                    "cannot read pseudonymisation key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The pseudonym of logical id {@code id} of resource type {@code type}. */
    public String pseudonym(String type, String id) {
        return HexFormat.of().formatHex(hmac(type + "/" + id), 0, 16);
    }

    /** Days by which every dated element of patient {@code patientId} (the original logical id) moves. */
    public int dateShiftDays(String patientId) {
        long bits = ByteBuffer.wrap(hmac("date-shift/Patient/" + patientId)).getLong();
        int days = 1 + (int) Math.floorMod(bits >>> 1, (long) MAX_SHIFT_DAYS);
        return (bits & 1) == 0 ? days : -days;
    }

    /** A short digest of the key that tells keys apart without revealing them. */
    public String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(hmac("fingerprint")), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Pseudonymises one resource in FHIR R4 JSON and returns it as compact JSON.
     *
     * @param source names the input in the exception, never its content
     * @throws InvalidRecordException if {@code json} is not a FHIR R4 resource
     */
    public String pseudonymise(String source, String json) {
        IBaseResource parsed;
        try {
            parsed = fhir.newJsonParser().parseResource(json);
        } catch (DataFormatException e) {
            throw new InvalidRecordException(source, "not a FHIR R4 resource", e);
        }
        if (!(parsed instanceof Resource resource)) {
            throw new InvalidRecordException(source, "not a FHIR R4 resource");
        }
        String type = resource.fhirType();
        String patient = patientOf(resource);
        FhirTerser terser = fhir.newTerser();
        if (patient != null) {
            int shift = dateShiftDays(patient);
            for (BaseDateTimeType date : terser.getAllPopulatedChildElementsOfType(resource, BaseDateTimeType.class)) {
                if (date.getValue() != null && date.getPrecision().ordinal() >= TemporalPrecisionEnum.DAY.ordinal()) {
                    date.add(Calendar.DATE, shift);
                }
            }
        }
        for (Reference reference : terser.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
            String value = reference.getReference();
            if (value == null || value.startsWith("#") || value.startsWith("urn:")) {
                continue;
            }
            IdType target = new IdType(value);
            if (target.hasResourceType() && target.hasIdPart()) {
                reference.setReference(
                        target.getResourceType() + "/" + pseudonym(target.getResourceType(), target.getIdPart()));
            }
        }
        if (resource.getIdElement().hasIdPart()) {
            resource.setIdElement(
                    new IdType(type, pseudonym(type, resource.getIdElement().getIdPart())));
        }
        return fhir.newJsonParser().encodeResourceToString(resource);
    }

    /** The original logical id of the resource's patient, {@code null} if it has none. */
    private String patientOf(Resource resource) {
        if ("Patient".equals(resource.fhirType())) {
            return resource.getIdElement().getIdPart();
        }
        for (String child : new String[] {"subject", "patient"}) {
            if (resource.getNamedProperty(child) == null) {
                continue;
            }
            for (var value : resource.getNamedProperty(child).getValues()) {
                if (value instanceof Reference reference && reference.getReference() != null) {
                    IdType target = new IdType(reference.getReference());
                    if ("Patient".equals(target.getResourceType()) && target.hasIdPart()) {
                        return target.getIdPart();
                    }
                }
            }
        }
        return null;
    }

    private byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
