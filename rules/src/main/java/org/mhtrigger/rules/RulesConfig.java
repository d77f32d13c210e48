package org.mhtrigger.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.mhtrigger.engine.ConfigurationException;
import org.mhtrigger.rules.internal.CsvTable;
import org.mhtrigger.rules.internal.Resources;

/**
 * The editable part of the rule base: the trigger catalogue, the thresholds and windows, and the classes of
 * ingredients (antipsychotic, laxative, …). Immutable, thread-safe.
 *
 * <p>{@link #defaults()} reads the files shipped in this jar ({@code org/mhtrigger/rules/catalogue.csv},
 * {@code thresholds.csv}, {@code ingredient-classes.csv}). {@link #load(Path)} reads a folder in which any of these
 * three files, when present, replaces the shipped one as a whole; files that are absent keep their defaults. A file
 * that cannot be used is a {@link ConfigurationException} naming the file, the line and the problem.
 *
 * <p>Threshold keys: a replacement {@code thresholds.csv} must define every key of the shipped file except the
 * {@code max-daily-dose.<ingredient>} rows, which list the antipsychotics that count towards MH-M08 (add or remove
 * rows freely). Values are numbers, or {@code true}/{@code false} for rows whose unit is {@code boolean}.
 */
public final class RulesConfig {
    static final String THRESHOLDS = "thresholds.csv";
    static final String CLASSES = "ingredient-classes.csv";
    private static final List<String> THRESHOLD_HEADER = List.of("key", "value", "unit", "description");
    private static final List<String> CLASS_HEADER = List.of("ingredient", "class");
    private static final String MAX_DOSE = "max-daily-dose.";
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9.\\-]*");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9 ()\\-]*");

    private static final class Defaults {
        static final RulesConfig INSTANCE = new RulesConfig(Map.of(
                TriggerCatalogue.FILE,
                Resources.classpathText(TriggerCatalogue.FILE),
                THRESHOLDS,
                Resources.classpathText(THRESHOLDS),
                CLASSES,
                Resources.classpathText(CLASSES)));
    }

    private final TriggerCatalogue catalogue;
    private final Map<String, Double> numbers;
    private final Map<String, Boolean> switches;
    private final Map<String, Double> maxDailyDoses;
    private final Map<String, Set<String>> classes;
    private final Map<String, String> files;

    private RulesConfig(Map<String, String> files) {
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
        this.catalogue = TriggerCatalogue.parse(TriggerCatalogue.FILE, files.get(TriggerCatalogue.FILE));
        Map<String, Double> numbers = new TreeMap<>();
        Map<String, Boolean> switches = new TreeMap<>();
        Map<String, Double> doses = new TreeMap<>();
        readThresholds(files.get(THRESHOLDS), numbers, switches, doses);
        this.numbers = Collections.unmodifiableMap(numbers);
        this.switches = Collections.unmodifiableMap(switches);
        this.maxDailyDoses = Collections.unmodifiableMap(doses);
        this.classes = readClasses(files.get(CLASSES));
        requireStandardCodes();
    }

    /** The configuration shipped in this jar. */
    public static RulesConfig defaults() {
        return Defaults.INSTANCE;
    }

    /**
     * The configuration in {@code dir}: each of {@code catalogue.csv}, {@code thresholds.csv} and
     * {@code ingredient-classes.csv} found there replaces the shipped file; the others keep their defaults.
     *
     * @throws ConfigurationException if {@code dir} is not a readable folder or a file in it cannot be used
     */
    public static RulesConfig load(Path dir) {
        Objects.requireNonNull(dir, "dir must not be null");
        if (!Files.isDirectory(dir)) {
            throw new ConfigurationException("rules configuration folder " + dir + " is not a folder");
        }
        Map<String, String> files = new LinkedHashMap<>(defaults().files);
        for (String name : List.of(TriggerCatalogue.FILE, THRESHOLDS, CLASSES)) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    files.put(name, Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new ConfigurationException(file + ": not readable as UTF-8 text: " + e.getMessage(), e);
                }
            }
        }
        // the parsers name only the file: point at the full path of an overriding file
        try {
            return new RulesConfig(files);
        } catch (ConfigurationException e) {
            for (String name : List.of(TriggerCatalogue.FILE, THRESHOLDS, CLASSES)) {
                if (e.getMessage().startsWith(name) && Files.isRegularFile(dir.resolve(name))) {
                    throw new ConfigurationException(
                            dir.resolve(name) + e.getMessage().substring(name.length()), e);
                }
            }
            throw e;
        }
    }

    /** The trigger catalogue in force. */
    public TriggerCatalogue catalogue() {
        return catalogue;
    }

    /**
     * A numeric threshold or window, e.g. {@code number("lithium.high")} is 1.5 by default.
     *
     * @throws IllegalArgumentException if there is no numeric key of that name
     */
    public double number(String key) {
        Double value = numbers.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no numeric threshold '" + key + "'; known: " + numbers.keySet());
        }
        return value;
    }

    /**
     * A switch, e.g. {@code enabled("lithium.warning.enabled")} is false by default.
     *
     * @throws IllegalArgumentException if there is no boolean key of that name
     */
    public boolean enabled(String key) {
        Boolean value = switches.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no boolean setting '" + key + "'; known: " + switches.keySet());
        }
        return value;
    }

    /** The maximum licensed daily dose in mg of an antipsychotic for MH-M08; empty if it does not count. */
    public OptionalDouble maxDailyDoseMg(String ingredient) {
        Double value = maxDailyDoses.get(ingredient);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** The classes of an ingredient ({@code antipsychotic}, {@code laxative}, …), empty if none. */
    public Set<String> classesOf(String ingredient) {
        return classes.getOrDefault(ingredient, Set.of());
    }

    /** Whether {@code ingredient} belongs to {@code ingredientClass}. */
    public boolean isA(String ingredient, String ingredientClass) {
        return classesOf(ingredient).contains(ingredientClass);
    }

    /** The text of the three files in force, by file name, for the ruleset hash. */
    Map<String, String> files() {
        return files;
    }

    private static void readThresholds(
            String text, Map<String, Double> numbers, Map<String, Boolean> switches, Map<String, Double> doses) {
        Set<String> required = requiredKeys();
        Set<String> seen = new TreeSet<>();
        int lastLine = 0;
        for (CsvTable.Row row :
                CsvTable.parse(THRESHOLDS, text, THRESHOLD_HEADER).rows()) {
            lastLine = row.line();
            String key = row.get("key");
            String value = row.get("value");
            String unit = row.get("unit");
            if (!KEY.matcher(key).matches()) {
                throw row.problem("key '" + key + "' must be lower case letters, digits, '.' and '-'");
            }
            if (!seen.add(key)) {
                throw row.problem("key '" + key + "' appears twice");
            }
            if (!key.startsWith(MAX_DOSE) && !required.contains(key)) {
                throw row.problem("unknown key '" + key + "'; known keys: " + String.join(", ", required));
            }
            if (unit.equals("boolean")) {
                if (!value.equals("true") && !value.equals("false")) {
                    throw row.problem("value '" + value + "' of " + key + " must be true or false");
                }
                switches.put(key, Boolean.parseBoolean(value));
                continue;
            }
            double number;
            try {
                number = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw row.problem("value '" + value + "' of " + key + " must be a number");
            }
            if (!Double.isFinite(number) || number < 0) {
                throw row.problem("value '" + value + "' of " + key + " must be a finite number >= 0");
            }
            if (key.startsWith(MAX_DOSE)) {
                if (number <= 0) {
                    throw row.problem("maximum dose of " + key.substring(MAX_DOSE.length()) + " must be above 0");
                }
                doses.put(key.substring(MAX_DOSE.length()), number);
            } else {
                numbers.put(key, number);
            }
        }
        for (String key : required) {
            if (!seen.contains(key)) {
                throw new ConfigurationException(THRESHOLDS + " line " + (lastLine + 1) + ": missing key '" + key
                        + "' (every key of the " + "shipped file except max-daily-dose rows must be present)");
            }
        }
    }

    /** Keys of the shipped thresholds file, other than the open-ended max-daily-dose rows. */
    private static Set<String> requiredKeys() {
        Set<String> keys = new TreeSet<>();
        for (CsvTable.Row row : CsvTable.parse(THRESHOLDS, Resources.classpathText(THRESHOLDS), THRESHOLD_HEADER)
                .rows()) {
            if (!row.get("key").startsWith(MAX_DOSE)) {
                keys.add(row.get("key"));
            }
        }
        return keys;
    }

    private static Map<String, Set<String>> readClasses(String text) {
        Map<String, Set<String>> classes = new TreeMap<>();
        for (CsvTable.Row row : CsvTable.parse(CLASSES, text, CLASS_HEADER).rows()) {
            String ingredient = row.get("ingredient");
            String ingredientClass = row.get("class");
            if (!NAME.matcher(ingredient).matches()) {
                throw row.problem("ingredient '" + ingredient + "' must be a lower-case generic name");
            }
            if (!KEY.matcher(ingredientClass).matches()) {
                throw row.problem("class '" + ingredientClass + "' must be a lower-case key such as antipsychotic");
            }
            if (!classes.computeIfAbsent(ingredient, i -> new TreeSet<>()).add(ingredientClass)) {
                throw row.problem(ingredient + "," + ingredientClass + " appears twice");
            }
        }
        Map<String, Set<String>> frozen = new TreeMap<>();
        classes.forEach((ingredient, set) -> frozen.put(ingredient, Set.copyOf(set)));
        return Collections.unmodifiableMap(frozen);
    }

    private void requireStandardCodes() {
        // the rules fire these codes: an edited catalogue may rename them but not drop them
        String text = Resources.classpathText(TriggerCatalogue.FILE);
        TriggerCatalogue standard = TriggerCatalogue.parse(TriggerCatalogue.FILE, text);
        for (var definition : standard.all()) {
            if (catalogue.find(definition.code()).isEmpty()) {
                throw new ConfigurationException(TriggerCatalogue.FILE + ": trigger " + definition.code()
                        + " is missing; an edited catalogue may change names but must keep every code");
            }
        }
    }

    @Override
    public String toString() {
        return "RulesConfig[" + numbers.size() + " thresholds, " + switches.size() + " switches, "
                + maxDailyDoses.size() + " maximum doses, " + classes.size() + " classified ingredients]";
    }
}
