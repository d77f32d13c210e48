package org.mhtrigger.fhir.internal.guard;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.IModelVisitor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The anonymisation guard: finds direct identifiers in a resource and its contained resources. Thread-safe.
 *
 * <p>Direct identifiers are person names, addresses, telecoms, patient photos, displays on references to a Patient
 * (often the patient's name; a Bundle's {@code urn:} reference counts when its entry is a Patient), and identifiers
 * that look national: an NHS number (by system, or ten digits with a valid check digit), a Singapore NRIC/FIN, a US
 * SSN, or an identifier typed as a national or social-security number.
 * Pseudonymous identifiers under another system are not direct identifiers.
 */
public final class IdentifierScan {
    static final String NHS_SYSTEM = "https://fhir.nhs.uk/id/nhs-number";
    static final String SSN_SYSTEM = "http://hl7.org/fhir/sid/us-ssn";
    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");
    private static final Pattern NRIC = Pattern.compile("[STFGM]\\d{7}[A-Z]");
    private static final Pattern SSN = Pattern.compile("\\d{3}-\\d{2}-\\d{4}");

    /**
     * The data types the scan reports wherever they sit (an Identifier when it looks national): names, addresses,
     * telecoms and identifiers. The fast parser's tables may read none of them, whatever the resource; a test holds
     * them to this list.
     */
    public static final Set<Class<? extends IBase>> IDENTIFYING_TYPES =
            Set.of(HumanName.class, Address.class, ContactPoint.class, Identifier.class);

    /** The resource types some of whose own elements the scan reports: a Patient's photos. */
    public static final Set<String> IDENTIFYING_RESOURCES = Set.of("Patient");

    private final FhirContext fhir;
    /** The fullUrls of the Patients read in Bundles so far: a reference to one of them names a Patient. */
    private final Set<String> patientUrls = ConcurrentHashMap.newKeySet();

    public IdentifierScan(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** A Bundle entry at {@code fullUrl} is a Patient: a display on a reference to that URL is the patient's name. */
    public void patientAt(String fullUrl) {
        patientUrls.add(fullUrl.trim());
    }

    /**
     * Finds the kinds of direct identifier the resource carries and how many of each; with {@code strip}, removes
     * them from the resource as well.
     *
     * @return kind → count, sorted by kind; empty when the resource carries none
     */
    public Map<String, Integer> scan(Resource resource, boolean strip) {
        // one walk collects every candidate; the elements are changed only after the walk
        Candidates candidates = new Candidates();
        fhir.newTerser().visit(resource, candidates);
        Map<String, Integer> found = new TreeMap<>();
        for (HumanName name : candidates.names) {
            add(found, "name");
            if (strip) {
                clear(name);
            }
        }
        for (Address address : candidates.addresses) {
            add(found, "address");
            if (strip) {
                clear(address);
            }
        }
        for (ContactPoint telecom : candidates.telecoms) {
            add(found, "telecom");
            if (strip) {
                clear(telecom);
            }
        }
        Set<Patient> patients = Collections.newSetFromMap(new IdentityHashMap<>());
        patients.addAll(candidates.patients);
        if (resource instanceof Patient patient) {
            patients.add(patient);
        }
        for (Patient patient : patients) {
            patient.getPhoto().forEach(p -> add(found, "photo"));
            if (strip) {
                patient.getPhoto().clear();
            }
        }
        for (Identifier identifier : candidates.identifiers) {
            String kind = nationalKind(identifier);
            if (kind != null) {
                add(found, kind);
                if (strip) {
                    clear(identifier);
                }
            }
        }
        for (Reference reference : candidates.references) {
            if (namesPatient(reference) || displayOn(reference, patientUrls::contains)) {
                add(found, "name");
                if (strip) {
                    reference.setDisplay(null);
                }
            }
        }
        return found;
    }

    /** The populated elements of the kinds the guard looks at, in the order the terser visits them. */
    private static final class Candidates implements IModelVisitor {
        final List<HumanName> names = new ArrayList<>();
        final List<Address> addresses = new ArrayList<>();
        final List<ContactPoint> telecoms = new ArrayList<>();
        final List<Patient> patients = new ArrayList<>();
        final List<Identifier> identifiers = new ArrayList<>();
        final List<Reference> references = new ArrayList<>();

        @Override
        public void acceptElement(
                IBaseResource outer,
                IBase element,
                List<String> path,
                BaseRuntimeChildDefinition child,
                BaseRuntimeElementDefinition<?> definition) {
            // the type test first: isEmpty() walks the element's children, too dear for every element
            switch (element) {
                case HumanName name when !name.isEmpty() -> names.add(name);
                case Address address when !address.isEmpty() -> addresses.add(address);
                case ContactPoint telecom when !telecom.isEmpty() -> telecoms.add(telecom);
                case Patient patient when !patient.isEmpty() -> patients.add(patient);
                case Identifier identifier when !identifier.isEmpty() -> identifiers.add(identifier);
                case Reference reference when !reference.isEmpty() -> references.add(reference);
                case null, default -> {
                    // not a kind that can carry a direct identifier
                }
            }
        }
    }

    /** The kind of national identifier this is, or {@code null} if it does not look national. */
    public static String nationalKind(Identifier identifier) {
        String system = identifier.hasSystem() ? identifier.getSystem().trim().toLowerCase(Locale.ROOT) : "";
        String value = identifier.hasValue() ? identifier.getValue().trim() : "";
        String compact = value.replaceAll("[\\s-]", "");
        if (system.equals(NHS_SYSTEM) || system.contains("nhs-number") || system.contains("nhsnumber")) {
            return "NHS number";
        }
        if (system.equals(SSN_SYSTEM) || system.endsWith("/us-ssn")) {
            return "SSN";
        }
        if (system.contains("nric") || system.contains("/fin")) {
            return "NRIC/FIN";
        }
        if (NRIC.matcher(value.toUpperCase(Locale.ROOT)).matches()) {
            return "NRIC/FIN";
        }
        if (SSN.matcher(value).matches()) {
            return "SSN";
        }
        if (TEN_DIGITS.matcher(compact).matches() && (system.isEmpty() || validNhsCheckDigit(compact))) {
            return "NHS number";
        }
        if (identifier.hasType()) {
            for (Coding coding : identifier.getType().getCoding()) {
                String code = coding.hasCode() ? coding.getCode().toUpperCase(Locale.ROOT) : "";
                if (code.equals("NI")
                        || code.equals("NH")
                        || code.equals("SS")
                        || code.equals("SB")
                        || code.startsWith("NN")) {
                    return "national identifier";
                }
            }
        }
        return null;
    }

    /** Modulus 11 check of a 10-digit NHS number. */
    static boolean validNhsCheckDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /** Whether the reference carries a display and points to a Patient: the display is then the patient's name. */
    static boolean namesPatient(Reference reference) {
        return reference.hasDisplay() && pointsToPatient(reference);
    }

    /**
     * Whether the reference's display may be a patient's name when nothing is known of the Bundle around it: it names
     * a Patient, or it is a {@code urn:} reference, which only the Bundle's entries resolve.
     */
    public static boolean mayNamePatient(Reference reference) {
        return namesPatient(reference) || displayOn(reference, r -> r.startsWith("urn:"));
    }

    /** Whether the reference carries a display and its (trimmed) reference is one {@code target} accepts. */
    private static boolean displayOn(Reference reference, java.util.function.Predicate<String> target) {
        return reference.hasDisplay()
                && reference.hasReference()
                && target.test(reference.getReference().trim());
    }

    private static boolean pointsToPatient(Reference reference) {
        String r = reference.hasReference() ? reference.getReference() : "";
        return r.startsWith("Patient/") || r.contains("/Patient/") || "Patient".equals(reference.getType());
    }

    private static void add(Map<String, Integer> found, String kind) {
        found.merge(kind, 1, Integer::sum);
    }

    private static void clear(HumanName name) {
        name.setFamily(null);
        name.getGiven().clear();
        name.getPrefix().clear();
        name.getSuffix().clear();
        name.setText(null);
    }

    private static void clear(Address address) {
        address.getLine().clear();
        address.setText(null);
        address.setCity(null);
        address.setDistrict(null);
        address.setState(null);
        address.setPostalCode(null);
        address.setCountry(null);
    }

    private static void clear(ContactPoint telecom) {
        telecom.setValue(null);
    }

    private static void clear(Identifier identifier) {
        identifier.setValue(null);
    }
}
