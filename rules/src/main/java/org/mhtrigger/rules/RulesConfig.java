package org.mhtrigger.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.mhtrigger.engine.ConfigurationException;
import org.mhtrigger.engine.screen.Assertion;
import org.mhtrigger.engine.text.ClinicalAnalyzer;
import org.mhtrigger.engine.text.Lexicon;
import org.mhtrigger.engine.text.LexiconEntry;
import org.mhtrigger.engine.text.context.ContextCue;
import org.mhtrigger.engine.text.context.ContextRules;
import org.mhtrigger.engine.text.context.CueCategory;
import org.mhtrigger.engine.text.context.CueDirection;
import org.mhtrigger.engine.text.context.DateOrder;
import org.mhtrigger.engine.text.section.SectionRule;
import org.mhtrigger.rules.internal.Resources;
import org.mhtrigger.rules.internal.RuleTables;
import org.mhtrigger.tables.CsvTable;

/**
 * The editable part of the rule base: the trigger catalogue, the thresholds and windows, the classes of ingredients
 * (antipsychotic, laxative, …), and for text the lexicon, the context cues, the note sections and the ward
 * abbreviations after which a full stop does not end a sentence. Immutable, thread-safe.
 *
 * <p>{@link #defaults()} reads the files shipped in this jar ({@code org/mhtrigger/rules/catalogue.csv},
 * {@code thresholds.csv}, {@code ingredient-classes.csv}, {@code lexicon.csv}, {@code word-senses.csv}, {@code context-cues.csv},
 * {@code sections.csv}, {@code clinical-abbreviations.csv}). {@link #load(Path)} reads a folder in which any of these files, when present, replaces the shipped one as a whole; files that are absent keep their defaults. A file
 * that cannot be used is a {@link ConfigurationException} naming the file, the line and the problem.
 *
 * <p>Threshold keys: a replacement {@code thresholds.csv} must define every key of the shipped file except the
 * {@code max-daily-dose.<ingredient>} rows, which list the antipsychotics that count towards MH-M08 (add or remove
 * rows freely). Values are numbers, or {@code true}/{@code false} for rows whose unit is {@code boolean}.
 */
public final class RulesConfig {
    static final String THRESHOLDS = "thresholds.csv";
    static final String CLASSES = "ingredient-classes.csv";
    static final String LEXICON = "lexicon.csv";
    static final String WORD_SENSES = "word-senses.csv";
    static final String CUES = "context-cues.csv";
    static final String SECTIONS = "sections.csv";
    static final String ABBREVIATIONS = "clinical-abbreviations.csv";
    /** Every file a configuration folder may hold, in the order they are read. */
    static final List<String> FILES =
            List.of(TriggerCatalogue.FILE, THRESHOLDS, CLASSES, LEXICON, WORD_SENSES, CUES, SECTIONS, ABBREVIATIONS);

    private static final List<String> LEXICON_HEADER = List.of("trigger", "pattern", "window", "kind", "example");
    private static final List<String> WORD_SENSE_HEADER = List.of("trigger", "pattern", "window", "example");
    private static final List<String> CUE_HEADER =
            List.of("cue", "category", "direction", "window", "applies_to", "example");
    private static final List<String> SECTION_HEADER = List.of("header", "assertion", "example");
    private static final List<String> THRESHOLD_HEADER = List.of("key", "value", "unit", "description");
    private static final List<String> CLASS_HEADER = List.of("ingredient", "class");
    static final List<String> ABBREVIATION_HEADER = List.of("abbreviation", "example");
    private static final Pattern ABBREVIATION = Pattern.compile("[a-z]+");
    private static final String MAX_DOSE = "max-daily-dose.";
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9.\\-]*");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9 ()\\-]*");

    private static final class Defaults {
        static final RulesConfig INSTANCE = new RulesConfig(shipped());

        private static Map<String, String> shipped() {
            Map<String, String> files = new LinkedHashMap<>();
            for (String name : FILES) {
                files.put(name, Resources.classpathText(name));
            }
            return files;
        }
    }

    private final TriggerCatalogue catalogue;
    private final Map<String, Double> numbers;
    private final Map<String, Boolean> switches;
    private final Map<String, Double> maxDailyDoses;
    private final Map<String, Set<String>> classes;
    private final Map<String, String> files;
    private final List<LexiconEntry> lexicon;
    private final ContextRules context;

    private RulesConfig(Map<String, String> files) {
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
        this.catalogue = TriggerCatalogue.parse(TriggerCatalogue.FILE, files.get(TriggerCatalogue.FILE));
        Map<String, Double> numbers = new TreeMap<>();
        Map<String, Boolean> switches = new TreeMap<>();
        Map<String, Double> doses = new TreeMap<>();
        readThresholds(files.get(THRESHOLDS), numbers, switches, doses);
        // hashed: rules look thresholds up in every constraint they evaluate
        this.numbers = Map.copyOf(numbers);
        this.switches = Map.copyOf(switches);
        this.maxDailyDoses = Map.copyOf(doses);
        this.classes = readClasses(files.get(CLASSES));
        requireStandardCodes();
        List<LexiconEntry> entries = new ArrayList<>(readLexicon(files.get(LEXICON), catalogue));
        entries.addAll(readWordSenses(files.get(WORD_SENSES), catalogue));
        this.lexicon = List.copyOf(entries);
        this.context = new ContextRules(
                readCues(files.get(CUES), catalogue),
                readSections(files.get(SECTIONS)),
                switches.get("dates.month-first") ? DateOrder.MONTH_FIRST : DateOrder.DAY_FIRST,
                readAbbreviations(files.get(ABBREVIATIONS)));
    }

    /** The configuration shipped in this jar. */
    public static RulesConfig defaults() {
        return Defaults.INSTANCE;
    }

    /**
     * The configuration in {@code dir}: each of the files named in the class description ({@code catalogue.csv},
     * {@code thresholds.csv}, …, {@code clinical-abbreviations.csv}) found there replaces the shipped file; the others
     * keep their defaults.
     *
     * @throws ConfigurationException if {@code dir} is not a readable folder or a file in it cannot be used
     */
    public static RulesConfig load(Path dir) {
        Objects.requireNonNull(dir, "dir must not be null");
        if (!Files.isDirectory(dir)) {
            throw new ConfigurationException("rules configuration folder " + dir + " is not a folder");
        }
        Map<String, String> files = new LinkedHashMap<>(defaults().files);
        for (String name : FILES) {
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
            for (String name : FILES) {
                if (e.getMessage().startsWith(name) && Files.isRegularFile(dir.resolve(name))) {
                    throw new ConfigurationException(
                            dir.resolve(name) + e.getMessage().substring(name.length()), e);
                }
            }
            throw e;
        }
    }

    /** The lexicon entries of the text triggers ({@code lexicon.csv}, then the exclusions of {@code word-senses.csv}), in file order. */
    public List<LexiconEntry> lexicon() {
        return lexicon;
    }

    /**
     * The context cues ({@code context-cues.csv}), note sections ({@code sections.csv}) and clinical abbreviations
     * ({@code clinical-abbreviations.csv}) in force.
     */
    public ContextRules context() {
        return context;
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
            throw new IllegalArgumentException(
                    "no numeric threshold '" + key + "'; known: " + new TreeSet<>(numbers.keySet()));
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
            throw new IllegalArgumentException(
                    "no boolean setting '" + key + "'; known: " + new TreeSet<>(switches.keySet()));
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

    /** The text of the files in force, by file name, for the ruleset hash. */
    Map<String, String> files() {
        return files;
    }

    private static void readThresholds(
            String text, Map<String, Double> numbers, Map<String, Boolean> switches, Map<String, Double> doses) {
        Set<String> required = requiredKeys();
        Set<String> seen = new TreeSet<>();
        int lastLine = 0;
        for (CsvTable.Row row :
                RuleTables.parse(THRESHOLDS, text, THRESHOLD_HEADER).rows()) {
            lastLine = row.line();
            String key = row.get("key");
            String value = row.get("value");
            String unit = row.get("unit");
            if (!KEY.matcher(key).matches()) {
                throw RuleTables.problem(row, "key '" + key + "' must be lower case letters, digits, '.' and '-'");
            }
            if (!seen.add(key)) {
                throw RuleTables.problem(row, "key '" + key + "' appears twice");
            }
            if (!key.startsWith(MAX_DOSE) && !required.contains(key)) {
                throw RuleTables.problem(row, "unknown key '" + key + "'; known keys: " + String.join(", ", required));
            }
            if (unit.equals("boolean")) {
                if (!value.equals("true") && !value.equals("false")) {
                    throw RuleTables.problem(row, "value '" + value + "' of " + key + " must be true or false");
                }
                switches.put(key, Boolean.parseBoolean(value));
                continue;
            }
            double number;
            try {
                number = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw RuleTables.problem(row, "value '" + value + "' of " + key + " must be a number");
            }
            if (!Double.isFinite(number) || number < 0) {
                throw RuleTables.problem(row, "value '" + value + "' of " + key + " must be a finite number >= 0");
            }
            if (key.startsWith(MAX_DOSE)) {
                if (number <= 0) {
                    throw RuleTables.problem(
                            row, "maximum dose of " + key.substring(MAX_DOSE.length()) + " must be above 0");
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
        for (CsvTable.Row row : RuleTables.parse(THRESHOLDS, Resources.classpathText(THRESHOLDS), THRESHOLD_HEADER)
                .rows()) {
            if (!row.get("key").startsWith(MAX_DOSE)) {
                keys.add(row.get("key"));
            }
        }
        return keys;
    }

    private static Map<String, Set<String>> readClasses(String text) {
        Map<String, Set<String>> classes = new TreeMap<>();
        for (CsvTable.Row row : RuleTables.parse(CLASSES, text, CLASS_HEADER).rows()) {
            String ingredient = row.get("ingredient");
            String ingredientClass = row.get("class");
            if (!NAME.matcher(ingredient).matches()) {
                throw RuleTables.problem(row, "ingredient '" + ingredient + "' must be a lower-case generic name");
            }
            if (!KEY.matcher(ingredientClass).matches()) {
                throw RuleTables.problem(
                        row, "class '" + ingredientClass + "' must be a lower-case key such as antipsychotic");
            }
            if (!classes.computeIfAbsent(ingredient, i -> new TreeSet<>()).add(ingredientClass)) {
                throw RuleTables.problem(row, ingredient + "," + ingredientClass + " appears twice");
            }
        }
        Map<String, Set<String>> frozen = new TreeMap<>();
        classes.forEach((ingredient, set) -> frozen.put(ingredient, Set.copyOf(set)));
        return Collections.unmodifiableMap(frozen);
    }

    private static List<LexiconEntry> readLexicon(String text, TriggerCatalogue catalogue) {
        ClinicalAnalyzer analyzer = new ClinicalAnalyzer();
        List<LexiconEntry> entries = new ArrayList<>();
        for (CsvTable.Row row : RuleTables.parse(LEXICON, text, LEXICON_HEADER).rows()) {
            String trigger = row.get("trigger");
            requireTextTrigger(row, trigger, catalogue);
            String kind = row.get("kind");
            if (!kind.equals("include") && !kind.equals("exclude")) {
                throw RuleTables.problem(row, "kind '" + kind + "' must be include or exclude");
            }
            LexiconEntry entry;
            try {
                entry = new LexiconEntry(
                        trigger,
                        row.get("pattern"),
                        integer(row, "window", 0, 50),
                        kind.equals("exclude"),
                        row.get("example"));
                // compile each entry on its own so that a bad pattern is reported with its line
                new Lexicon(List.of(new LexiconEntry(trigger, entry.pattern(), entry.window(), false, "")), analyzer);
            } catch (IllegalArgumentException | ConfigurationException e) {
                throw RuleTables.problem(row, e.getMessage());
            }
            entries.add(entry);
        }
        return List.copyOf(entries);
    }

    /** Word senses that are not the trigger ({@code word-senses.csv}): exclusion entries of the lexicon. */
    private static List<LexiconEntry> readWordSenses(String text, TriggerCatalogue catalogue) {
        ClinicalAnalyzer analyzer = new ClinicalAnalyzer();
        List<LexiconEntry> entries = new ArrayList<>();
        for (CsvTable.Row row :
                RuleTables.parse(WORD_SENSES, text, WORD_SENSE_HEADER).rows()) {
            String trigger = row.get("trigger");
            requireTextTrigger(row, trigger, catalogue);
            LexiconEntry entry;
            try {
                entry = new LexiconEntry(
                        trigger, row.get("pattern"), integer(row, "window", 0, 50), true, row.get("example"));
                new Lexicon(List.of(new LexiconEntry(trigger, entry.pattern(), entry.window(), false, "")), analyzer);
            } catch (IllegalArgumentException | ConfigurationException e) {
                throw RuleTables.problem(row, e.getMessage());
            }
            entries.add(entry);
        }
        return List.copyOf(entries);
    }

    private static List<ContextCue> readCues(String text, TriggerCatalogue catalogue) {
        List<ContextCue> cues = new ArrayList<>();
        for (CsvTable.Row row : RuleTables.parse(CUES, text, CUE_HEADER).rows()) {
            CueCategory category = switch (row.get("category")) {
                case "negated" -> CueCategory.NEGATED;
                case "historical" -> CueCategory.HISTORICAL;
                case "hypothetical" -> CueCategory.HYPOTHETICAL;
                case "uncertain" -> CueCategory.UNCERTAIN;
                case "other" -> CueCategory.OTHER_EXPERIENCER;
                case "policy" -> CueCategory.POLICY;
                case "terminate" -> CueCategory.TERMINATE;
                case "pseudo" -> CueCategory.PSEUDO;
                default ->
                    throw RuleTables.problem(
                            row,
                            "category '" + row.get("category")
                                    + "' must be one of negated, historical, hypothetical, uncertain, other, policy, terminate, pseudo");
            };
            CueDirection direction = switch (row.get("direction")) {
                case "forward" -> CueDirection.FORWARD;
                case "backward" -> CueDirection.BACKWARD;
                case "both" -> CueDirection.BOTH;
                case "value" -> CueDirection.VALUE;
                case "sentence" -> CueDirection.SENTENCE;
                default ->
                    throw RuleTables.problem(
                            row,
                            "direction '" + row.get("direction")
                                    + "' must be forward, backward, both, value or sentence");
            };
            Set<String> appliesTo = new TreeSet<>();
            for (String code : row.get("applies_to").split("\\s+")) {
                if (code.isEmpty()) {
                    continue;
                }
                String bare = code.startsWith("!") ? code.substring(1) : code;
                if (catalogue.find(bare).isEmpty()) {
                    throw RuleTables.problem(row, "applies_to names unknown trigger '" + bare + "'");
                }
                appliesTo.add(code);
            }
            try {
                cues.add(new ContextCue(
                        row.get("cue"),
                        category,
                        direction,
                        integer(row, "window", 0, 100),
                        appliesTo,
                        row.get("example")));
            } catch (IllegalArgumentException e) {
                throw RuleTables.problem(row, e.getMessage());
            }
        }
        return List.copyOf(cues);
    }

    private static List<SectionRule> readSections(String text) {
        List<SectionRule> sections = new ArrayList<>();
        for (CsvTable.Row row : RuleTables.parse(SECTIONS, text, SECTION_HEADER).rows()) {
            Assertion assertion = switch (row.get("assertion")) {
                case "affirmed" -> Assertion.AFFIRMED;
                case "negated" -> Assertion.NEGATED;
                case "historical" -> Assertion.HISTORICAL;
                case "hypothetical" -> Assertion.HYPOTHETICAL;
                case "other" -> Assertion.OTHER_EXPERIENCER;
                case "policy" -> Assertion.POLICY;
                default ->
                    throw RuleTables.problem(
                            row,
                            "assertion '" + row.get("assertion")
                                    + "' must be one of affirmed, negated, historical, hypothetical, other, policy");
            };
            try {
                sections.add(new SectionRule(row.get("header"), assertion, row.get("example")));
            } catch (IllegalArgumentException e) {
                throw RuleTables.problem(row, e.getMessage());
            }
        }
        return List.copyOf(sections);
    }

    /**
     * Abbreviations written with a full stop in ward notes that do not end a sentence ({@code
     * clinical-abbreviations.csv}): lower-case letters without their dots, each listed once, in file order.
     */
    private static Set<String> readAbbreviations(String text) {
        Set<String> abbreviations = new LinkedHashSet<>();
        for (CsvTable.Row row :
                RuleTables.parse(ABBREVIATIONS, text, ABBREVIATION_HEADER).rows()) {
            String abbreviation = row.get("abbreviation");
            if (!ABBREVIATION.matcher(abbreviation).matches()) {
                throw RuleTables.problem(
                        row, "abbreviation '" + abbreviation + "' must be lower-case letters without dots");
            }
            if (!abbreviations.add(abbreviation)) {
                throw RuleTables.problem(row, "abbreviation '" + abbreviation + "' is listed twice");
            }
        }
        return Collections.unmodifiableSet(abbreviations);
    }

    private static void requireTextTrigger(CsvTable.Row row, String trigger, TriggerCatalogue catalogue) {
        var definition =
                catalogue.find(trigger).orElseThrow(() -> RuleTables.problem(row, "unknown trigger '" + trigger + "'"));
        if (!definition.text()) {
            throw RuleTables.problem(
                    row, "trigger " + trigger + " is not read from text (sources " + definition.sources() + ")");
        }
    }

    private static int integer(CsvTable.Row row, String column, int min, int max) {
        String value = row.get(column);
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw RuleTables.problem(row, column + " " + value + " must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw RuleTables.problem(row, column + " '" + value + "' must be a whole number");
        }
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
