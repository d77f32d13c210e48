package org.mhtrigger.fhir.internal.mapping;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words of {@code dosage-words.csv} that mark a medicine as given as required (PRN) or as a depot, matched as
 * whole words or phrases in normalised text ({@link org.mhtrigger.fhir.internal.Text#normalise}). Immutable,
 * thread-safe.
 */
public final class DosageWords {
    private final Pattern prn;
    private final Pattern depot;

    /** Drug names and dosage text repeat across a stay's administrations, and the depot pattern is long. */
    private final LoadingCache<String, Boolean> depotNames;

    DosageWords(List<String> prnWords, List<String> depotWords) {
        this.prn = wholeWords(prnWords);
        this.depot = wholeWords(depotWords);
        this.depotNames = Caffeine.newBuilder()
                .maximumSize(8192)
                .executor(Runnable::run)
                .build(names -> depot.matcher(names).find());
    }

    private static Pattern wholeWords(List<String> words) {
        return Pattern.compile(
                words.isEmpty()
                        ? "(?!)"
                        : words.stream().map(Pattern::quote).collect(Collectors.joining("|", "\\b(?:", ")\\b")));
    }

    /** Whether normalised dosage text says the medicine is given as required. */
    public boolean prn(String normalisedText) {
        return prn.matcher(normalisedText).find();
    }

    /** Whether a medicine's normalised names and dosage text name a depot. */
    public boolean depot(String normalisedNames) {
        return depotNames.get(normalisedNames);
    }
}
