package org.mhtrigger.app.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.mhtrigger.engine.ConfigurationException;
import org.mhtrigger.engine.evaluation.GoldMention;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.screen.Assertion;

/** Reads gold labels: CSV with header {@code record,trigger}; a record with no trigger has an empty trigger. */
public final class GoldLabels {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .get();

    private GoldLabels() {}

    /**
     * Mention-level gold: CSV with header {@code record,note,start,end,trigger,assertion}; assertion is one of
     * affirmed, negated, historical, hypothetical, other, policy.
     */
    public static List<GoldMention> readMentions(Path file) {
        List<GoldMention> mentions = new ArrayList<>();
        Map<String, Assertion> assertions = new HashMap<>();
        for (Assertion a : Assertion.values()) {
            assertions.put(a.label(), a);
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var parser = FORMAT.parse(in);
            if (!parser.getHeaderNames()
                    .containsAll(List.of("record", "note", "start", "end", "trigger", "assertion"))) {
                throw new ConfigurationException(file + ": mention gold needs a header "
                        + "'record,note,start,end,trigger,assertion', found " + parser.getHeaderNames());
            }
            for (CSVRecord row : parser) {
                long line = row.getRecordNumber() + 1;
                Assertion assertion = assertions.get(row.get("assertion"));
                if (assertion == null) {
                    throw new ConfigurationException(file + ":" + line + ": assertion '" + row.get("assertion")
                            + "' must be one of " + assertions.keySet());
                }
                try {
                    mentions.add(new GoldMention(
                            row.get("record"),
                            row.get("note"),
                            new TextSpan(Integer.parseInt(row.get("start")), Integer.parseInt(row.get("end"))),
                            row.get("trigger"),
                            assertion));
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(file + ":" + line + ": " + e.getMessage(), e);
                }
            }
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(file + ": mention gold file not found");
        } catch (IOException | IllegalStateException e) {
            throw new ConfigurationException(file + ": cannot read mention gold: " + e.getMessage(), e);
        }
        return mentions;
    }

    /** Triggers per record; every record in the file is a key, possibly with an empty set. */
    public static Map<String, Set<String>> read(Path file) {
        Map<String, Set<String>> gold = new TreeMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var parser = FORMAT.parse(in);
            if (!parser.getHeaderNames().containsAll(List.of("record", "trigger"))) {
                throw new ConfigurationException(
                        file + ": gold labels need a header 'record,trigger', found " + parser.getHeaderNames());
            }
            for (CSVRecord row : parser) {
                String record = row.get("record");
                if (record.isEmpty()) {
                    throw new ConfigurationException(file + ":" + (row.getRecordNumber() + 1) + ": empty record id");
                }
                Set<String> triggers = gold.computeIfAbsent(record, r -> new TreeSet<>());
                String trigger = row.isSet("trigger") ? row.get("trigger") : "";
                if (!trigger.isEmpty()) {
                    triggers.add(trigger);
                }
            }
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(file + ": gold file not found");
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw new ConfigurationException(file + ": cannot read gold labels: " + e.getMessage(), e);
        }
        return gold;
    }
}
