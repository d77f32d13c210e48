package org.mhtrigger.fhir.internal.mapping;

import java.util.Locale;
import java.util.Map;

/** Code system URIs and the short names mapping tables may use for them. Stateless, thread-safe. */
public final class Systems {
    public static final String LOINC = "http://loinc.org";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String ATC = "http://www.whocc.no/atc";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String DMD = "https://dmd.nhs.uk";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public static final String DISCHARGE_DISPOSITION = "http://terminology.hl7.org/CodeSystem/discharge-disposition";

    private static final Map<String, String> SHORT_NAMES = Map.of(
            "loinc", LOINC,
            "snomed", SNOMED,
            "atc", ATC,
            "rxnorm", RXNORM,
            "dmd", DMD,
            "ucum", UCUM,
            "v3-actcode", ACT_CODE,
            "discharge-disposition", DISCHARGE_DISPOSITION);

    private Systems() {}

    /** The URI for a short name, or the URI itself; lower case, without a trailing slash. */
    public static String canonical(String system) {
        if (system == null) {
            return "";
        }
        String s = system.trim().toLowerCase(Locale.ROOT);
        s = SHORT_NAMES.getOrDefault(s, s).toLowerCase(Locale.ROOT);
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** Whether {@code system} is one of the ICD-10 systems (WHO, -CM, -UK and national variants). */
    public static boolean isIcd10(String system) {
        String s = canonical(system);
        return s.contains("icd-10") || s.contains("icd10");
    }

    public static boolean isSnomed(String system) {
        return canonical(system).startsWith("http://snomed.info/sct");
    }
}
