package org.mhtrigger.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.mhtrigger.engine.ConfigurationException;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Finding;
import org.mhtrigger.engine.screen.Screener;
import org.mhtrigger.engine.screen.TextHit;
import org.mhtrigger.engine.screen.TriggerDefinition;
import org.mhtrigger.engine.screen.TriggerEvaluator;
import org.mhtrigger.engine.text.NoteTermMatcher;
import org.mhtrigger.rules.internal.DailyAntipsychoticTotal;
import org.mhtrigger.rules.internal.FindingSink;
import org.mhtrigger.rules.internal.Limits;
import org.mhtrigger.rules.internal.Resources;
import org.mhtrigger.rules.internal.ReviewWindow;
import org.mhtrigger.rules.internal.RuleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the trigger rules (the DRL files of {@code org/mhtrigger/rules/}) with Drools. Thread-safe: the compiled
 * rule base is shared and each {@link #evaluate} call uses its own session, taken from a pool of reset sessions. Build
 * one per configuration and reuse it: the first one loads the rule base (the executable model precompiled by
 * kie-maven-plugin).
 *
 * <p>Facts of a session: the record's {@link org.mhtrigger.engine.record.Stay} and
 * {@link org.mhtrigger.engine.record.Patient}, each lab result, medication event, procedure, condition, flag, care
 * plan, risk assessment, linked encounter and note, every text hit, a {@code ReviewWindow} (the stay cut at the
 * review-window cap) and the daily antipsychotic totals. Thresholds are the global {@code limits}. A trigger fires at
 * most once per (trigger, source resource, text span).
 */
public final class DroolsTriggerEvaluator implements TriggerEvaluator {
    private static final Logger LOG = LoggerFactory.getLogger(DroolsTriggerEvaluator.class);

    private final RulesConfig config;
    private final Limits limits;
    private final KieBase base;
    /** Sessions to reuse: disposing of one resets it and gives it back, so each stay skips building node memories. */
    private final KieSessionsPool sessions;

    private final String version;
    private final boolean precompiled;

    /**
     * Compiles the rules for {@code config}.
     *
     * @throws ConfigurationException if the rules do not compile or Drools cannot open a session
     */
    public DroolsTriggerEvaluator(RulesConfig config) {
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.limits = new Limits(config);
        long started = System.nanoTime();
        RuleBase.Loaded loaded = RuleBase.load();
        this.base = loaded.base();
        this.sessions = base.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        this.precompiled = loaded.precompiled();
        this.version = TriggerCatalogue.VERSION + "+" + hash(config);
        LOG.info(
                "rules {} ready ({}) in {} ms",
                version,
                precompiled ? "precompiled executable model" : "DRL compiled at startup",
                (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public List<Finding> evaluate(StayRecord record, List<TextHit> textHits) {
        Objects.requireNonNull(record, "record must not be null");
        Objects.requireNonNull(textHits, "textHits must not be null");
        FindingSink sink = new FindingSink();
        ReviewWindow window = ReviewWindow.of(record.stay(), limits.reviewWindowDays());
        KieSession session = sessions.newKieSession();
        if (session == null) {
            throw new ConfigurationException("rule base cannot open a session: Drools returned null");
        }
        try {
            session.setGlobal("limits", limits);
            session.setGlobal("out", sink);
            session.insert(window);
            session.insert(record.patient());
            session.insert(record.stay());
            record.otherEncounters().forEach(session::insert);
            record.notes().forEach(session::insert);
            record.labs().forEach(session::insert);
            record.medications().forEach(session::insert);
            record.procedures().forEach(session::insert);
            record.conditions().forEach(session::insert);
            record.flags().forEach(session::insert);
            record.carePlans().forEach(session::insert);
            record.riskAssessments().forEach(session::insert);
            DailyAntipsychoticTotal.of(
                            record.medications(), window, record.stay().offset(), config)
                    .forEach(session::insert);
            textHits.forEach(session::insert);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        // one finding per structured source; for text, one per trigger, sentence and time: a note written twice (as a
        // DocumentReference and as a report's presentedForm) gives one finding, while the same words written at
        // another time may be another event and stay a finding of their own
        Map<String, Finding> findings = new LinkedHashMap<>();
        List<FindingSink.Fired> fired = new java.util.ArrayList<>(sink.fired());
        fired.sort(java.util.Comparator.comparing(FindingSink.Fired::at));
        for (FindingSink.Fired one : fired) {
            String key = one.span() == null
                    ? one.trigger() + "|" + one.source()
                    : Finding.textKey(one.trigger(), one.at(), one.evidence());
            findings.computeIfAbsent(key, k -> toFinding(record, one));
        }
        LOG.debug("record screened: {} findings from {} text hits", findings.size(), textHits.size());
        return List.copyOf(findings.values());
    }

    /**
     * The product's screening under {@code config}: the text matcher over its lexicon, cues, sections and clinical
     * abbreviations, then these
     * rules. Thread-safe. Every command and the review UI screen through this.
     */
    public static Screener screener(RulesConfig config) {
        return new Screener(
                NoteTermMatcher.create(config.lexicon(), config.context()), new DroolsTriggerEvaluator(config));
    }

    @Override
    public String rulesetVersion() {
        return version;
    }

    /** Whether the rules come from the executable model precompiled at build time (else compiled at startup). */
    public boolean precompiled() {
        return precompiled;
    }

    /** The configuration this evaluator applies. */
    public RulesConfig config() {
        return config;
    }

    private Finding toFinding(StayRecord record, FindingSink.Fired fired) {
        String name = config.catalogue()
                .find(fired.trigger())
                .map(TriggerDefinition::name)
                .orElseThrow(() -> new ConfigurationException(
                        "rule fired trigger " + fired.trigger() + ", which is not in the catalogue"));
        return new Finding(
                record.id(),
                record.patient().id(),
                fired.trigger(),
                name,
                fired.source(),
                fired.span(),
                fired.evidence(),
                fired.at(),
                version);
    }

    /** The first 12 hex digits of SHA-256 over the DRL files and every configuration file in force (catalogue, thresholds, classes, lexicon, word senses, cues, sections, clinical abbreviations). */
    private static String hash(RulesConfig config) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : RuleBase.DRL_FILES) {
                update(digest, name, Resources.classpathBytes(name));
            }
            for (var file : config.files().entrySet()) {
                update(digest, file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void update(MessageDigest digest, String name, byte[] content) {
        // length-prefixed so that moving bytes between files changes the hash
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Long.toString(content.length).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(content);
    }

    @Override
    public String toString() {
        return "DroolsTriggerEvaluator[" + version + "]";
    }
}
