package org.mhtrigger.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mhtrigger.engine.screen.TriggerDefinition;
import org.mhtrigger.rules.internal.Resources;
import org.mhtrigger.rules.internal.RuleTables;
import org.mhtrigger.tables.CsvTable;

/**
 * The trigger catalogue: every trigger code with its name, module and data sources, read from {@code catalogue.csv}.
 * Immutable, thread-safe.
 *
 * <p>{@link #standard()} is the catalogue shipped in this jar (the codes of {@code docs/spec/triggers.md}, version
 * {@value #VERSION}); {@link RulesConfig#load(java.nio.file.Path)} may replace it with an edited copy, for example to
 * translate the names.
 */
public final class TriggerCatalogue {
    /** The catalogue version: the first part of every ruleset version. */
    public static final String VERSION = "1.0.0";

    static final String FILE = "catalogue.csv";
    static final List<String> HEADER = List.of("code", "name", "module", "sources", "window");
    private static final Pattern SOURCES = Pattern.compile("S|T|S\\+T|-");

    private static final class Standard {
        static final TriggerCatalogue INSTANCE = parse(FILE, Resources.classpathText(FILE));
    }

    private final Map<String, TriggerDefinition> byCode;
    private final Map<String, String> windows;

    private TriggerCatalogue(Map<String, TriggerDefinition> byCode, Map<String, String> windows) {
        this.byCode = byCode;
        this.windows = windows;
    }

    /** The catalogue shipped in this jar. */
    public static TriggerCatalogue standard() {
        return Standard.INSTANCE;
    }

    /** Every trigger, in catalogue order. */
    public List<TriggerDefinition> all() {
        return List.copyOf(byCode.values());
    }

    /** The trigger with this code ({@code MH-L01}), if the catalogue has it. */
    public Optional<TriggerDefinition> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The default threshold or window of a trigger as a reader sees it ("≥ 1.5 mmol/L"), {@code ""} if unknown. */
    public String window(String code) {
        return windows.getOrDefault(code, "");
    }

    /** The catalogue version, {@value #VERSION}. */
    public String version() {
        return VERSION;
    }

    /** Parses catalogue CSV text; {@code file} names it in error messages. */
    static TriggerCatalogue parse(String file, String text) {
        Map<String, TriggerDefinition> byCode = new LinkedHashMap<>();
        Map<String, String> windows = new LinkedHashMap<>();
        for (CsvTable.Row row : RuleTables.parse(file, text, HEADER).rows()) {
            String code = row.get("code");
            if (!SOURCES.matcher(row.get("sources")).matches()) {
                throw RuleTables.problem(row, "sources '" + row.get("sources") + "' must be one of S, T, S+T, -");
            }
            if (row.get("name").isEmpty() || row.get("module").isEmpty()) {
                throw RuleTables.problem(row, "name and module must not be empty");
            }
            TriggerDefinition definition;
            try {
                definition = new TriggerDefinition(code, row.get("name"), row.get("module"), row.get("sources"));
            } catch (IllegalArgumentException e) {
                throw RuleTables.problem(row, e.getMessage());
            }
            if (byCode.putIfAbsent(code, definition) != null) {
                throw RuleTables.problem(row, "trigger code " + code + " appears twice");
            }
            windows.put(code, row.get("window"));
        }
        return new TriggerCatalogue(Collections.unmodifiableMap(byCode), Map.copyOf(windows));
    }

    @Override
    public String toString() {
        return "TriggerCatalogue[" + VERSION + ", " + byCode.size() + " triggers]";
    }
}
