package org.mhtrigger.fhir.internal.mapping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.mhtrigger.engine.ConfigurationException;
import org.mhtrigger.engine.record.DischargeDisposition;
import org.mhtrigger.engine.record.Route;
import org.mhtrigger.fhir.internal.Text;
import org.mhtrigger.tables.CsvTable;
import org.mhtrigger.tables.CsvTableException;

/**
 * The CSV mapping tables, loaded once. Immutable, thread-safe.
 *
 * <p>Each table is read from {@code org/mhtrigger/fhir/mapping/<name>.csv} on the classpath unless the override
 * directory holds a file of that name, which then replaces it whole. Lines starting with {@code #} are comments.
 */
public final class MappingTables {
    public static final String RESOURCE_FOLDER = "org/mhtrigger/fhir/mapping/";

    public static final List<String> FILES = List.of(
            "analytes.csv",
            "units.csv",
            "ingredients.csv",
            "routes.csv",
            "procedures.csv",
            "flags.csv",
            "note-types.csv",
            "dispositions.csv",
            "encounter-kinds.csv",
            "dosage-words.csv");

    private static final Set<String> DOSAGE_KINDS = Set.of("prn", "depot");

    /** Words that say where or how an analyte was measured, not what: dropped before display matching. */
    private static final Set<String> ANALYTE_FILLER = Set.of(
            "serum",
            "plasma",
            "blood",
            "whole",
            "venous",
            "arterial",
            "capillary",
            "level",
            "levels",
            "concentration",
            "conc",
            "in",
            "or",
            "ser",
            "plas",
            "bld",
            "s",
            "p",
            "mass",
            "moles",
            "volume",
            "substance",
            "by",
            "automated",
            "count",
            "of",
            "the",
            "test",
            "random",
            "fasting",
            "measurement",
            "result");

    private static final Set<String> NOTE_TYPES = Set.of(
            "nursing",
            "ward-round",
            "medical-review",
            "incident",
            "discharge-summary",
            "care-plan",
            "risk-assessment",
            "other");

    private static final Set<String> ENCOUNTER_MARKERS = Set.of("inpatient", "emergency", "psychiatric", "acute");

    private final CodeTable analytes;
    private final UnitTable units;
    private final CodeTable ingredients;
    private final CodeTable routes;
    private final CodeTable procedures;
    private final CodeTable flags;
    private final CodeTable noteTypes;
    private final CodeTable dispositions;
    private final CodeTable encounterKinds;
    private final DosageWords dosageWords;

    private MappingTables(Path overrides) {
        analytes = codeTable(
                overrides,
                "analytes.csv",
                "analyte",
                "display",
                CodeTable.TextMatch.EXACT,
                s -> Text.withoutWords(s, ANALYTE_FILLER),
                v -> !v.isBlank(),
                "an analyte key");
        units = unitTable(overrides);
        ingredients = codeTable(
                overrides,
                "ingredients.csv",
                "ingredient",
                "name",
                CodeTable.TextMatch.WORDS,
                UnaryOperator.identity(),
                v -> !v.isBlank(),
                "an ingredient");
        routes = codeTable(
                overrides,
                "routes.csv",
                "route",
                "text",
                CodeTable.TextMatch.WORDS,
                UnaryOperator.identity(),
                v -> isEnum(Route.class, v),
                "one of " + Arrays.toString(Route.values()));
        procedures = codeTable(
                overrides,
                "procedures.csv",
                "kind",
                "text",
                CodeTable.TextMatch.WORDS,
                UnaryOperator.identity(),
                v -> !v.isBlank(),
                "a procedure kind");
        flags = codeTable(
                overrides,
                "flags.csv",
                "kind",
                "text",
                CodeTable.TextMatch.WORDS,
                UnaryOperator.identity(),
                v -> !v.isBlank(),
                "a flag kind");
        noteTypes = codeTable(
                overrides,
                "note-types.csv",
                "type",
                "text",
                CodeTable.TextMatch.WORDS,
                UnaryOperator.identity(),
                NOTE_TYPES::contains,
                "one of " + NOTE_TYPES.stream().sorted().toList());
        dispositions = codeTable(
                overrides,
                "dispositions.csv",
                "disposition",
                "text",
                CodeTable.TextMatch.WORDS,
                UnaryOperator.identity(),
                v -> isEnum(DischargeDisposition.class, v),
                "one of " + Arrays.toString(DischargeDisposition.values()));
        encounterKinds = codeTable(
                overrides,
                "encounter-kinds.csv",
                "marker",
                "text",
                CodeTable.TextMatch.WORDS,
                UnaryOperator.identity(),
                ENCOUNTER_MARKERS::contains,
                "one of " + ENCOUNTER_MARKERS.stream().sorted().toList());
        dosageWords = dosageWords(overrides);
    }

    /**
     * Loads the tables.
     *
     * @param overrides folder whose files replace the bundled ones, or {@code null}
     * @throws ConfigurationException naming the file and line when a table cannot be used
     */
    public static MappingTables load(Path overrides) {
        if (overrides != null && !Files.isDirectory(overrides)) {
            throw new ConfigurationException("mapping directory " + overrides + " is not a folder");
        }
        return new MappingTables(overrides);
    }

    public CodeTable analytes() {
        return analytes;
    }

    public UnitTable units() {
        return units;
    }

    public CodeTable ingredients() {
        return ingredients;
    }

    public CodeTable routes() {
        return routes;
    }

    public CodeTable procedures() {
        return procedures;
    }

    public CodeTable flags() {
        return flags;
    }

    public CodeTable noteTypes() {
        return noteTypes;
    }

    public CodeTable dispositions() {
        return dispositions;
    }

    public CodeTable encounterKinds() {
        return encounterKinds;
    }

    public DosageWords dosageWords() {
        return dosageWords;
    }

    private static DosageWords dosageWords(Path overrides) {
        List<String> prn = new ArrayList<>();
        List<String> depot = new ArrayList<>();
        read(overrides, "dosage-words.csv", List.of("kind", "words"), (line, values) -> {
            String kind = values.get("kind");
            if (!DOSAGE_KINDS.contains(kind)) {
                throw new IllegalArgumentException("kind '" + kind + "' is not one of "
                        + DOSAGE_KINDS.stream().sorted().toList());
            }
            String words = Text.normalise(values.get("words")).strip();
            if (words.isEmpty()) {
                throw new IllegalArgumentException("words must have a letter or digit");
            }
            (kind.equals("prn") ? prn : depot).add(words);
        });
        return new DosageWords(prn, depot);
    }

    private static <E extends Enum<E>> boolean isEnum(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static CodeTable codeTable(
            Path overrides,
            String file,
            String valueColumn,
            String textColumn,
            CodeTable.TextMatch textMatch,
            UnaryOperator<String> textForm,
            Predicate<String> validValue,
            String expected) {
        List<String> columns = List.of(valueColumn, "system", "code", textColumn);
        List<CodeTable.Row> rows = new ArrayList<>();
        String name = read(overrides, file, columns, (line, values) -> {
            String value = values.get(valueColumn);
            if (!validValue.test(value)) {
                throw new IllegalArgumentException(valueColumn + " '" + value + "' is not " + expected);
            }
            String code = values.get("code");
            String text = textForm.apply(Text.normalise(values.get(textColumn)));
            if (code.isEmpty() && text.isEmpty()) {
                throw new IllegalArgumentException("needs a code or a " + textColumn);
            }
            rows.add(new CodeTable.Row(value, values.get("system"), code, text, line));
        });
        return new CodeTable(name, rows, textMatch, textForm);
    }

    private static UnitTable unitTable(Path overrides) {
        Map<String, String> siUnits = new HashMap<>();
        Map<String, Map<String, Double>> factors = new HashMap<>();
        read(overrides, "units.csv", List.of("analyte", "unit", "si_unit", "factor"), (line, values) -> {
            String analyte = values.get("analyte");
            String siUnit = values.get("si_unit");
            if (analyte.isEmpty() || siUnit.isEmpty()) {
                throw new IllegalArgumentException("analyte and si_unit must not be empty");
            }
            String previous = siUnits.putIfAbsent(analyte, siUnit);
            if (previous != null && !previous.equals(siUnit)) {
                throw new IllegalArgumentException(
                        "si_unit '" + siUnit + "' differs from '" + previous + "' given earlier for " + analyte);
            }
            double factor = parseFactor(values.get("factor"));
            factors.computeIfAbsent(analyte, a -> new HashMap<>())
                    .put(UnitTable.normaliseUnit(values.get("unit")), factor);
        });
        return new UnitTable(siUnits, factors);
    }

    /** {@code "88.42"} multiplies, {@code "/18.016"} divides. */
    private static double parseFactor(String text) {
        String t = text.trim();
        boolean divide = t.startsWith("/");
        String number = divide ? t.substring(1).trim() : t;
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "factor '" + text + "' is not a number (write 88.42 to multiply or /18.016 to divide)");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("factor '" + text + "' must be a positive number");
        }
        return divide ? 1.0 / value : value;
    }

    private interface RowHandler {
        void row(long line, Map<String, String> values);
    }

    /** Reads one table, returning the name used in messages. */
    private static String read(Path overrides, String file, List<String> columns, RowHandler handler) {
        Path override = overrides == null ? null : overrides.resolve(file);
        CsvTable table;
        try {
            table = CsvTable.read(
                    override,
                    MappingTables.class.getClassLoader(),
                    RESOURCE_FOLDER + file,
                    "mapping file ",
                    columns,
                    CsvTable.Header.CONTAINS);
        } catch (CsvTableException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
        for (CsvTable.Row row : table.rows()) {
            try {
                handler.row(row.line(), row.values());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(row.where() + ": " + e.getMessage(), e);
            }
        }
        return override != null && Files.isRegularFile(override) ? override.toString() : file;
    }
}
