package org.mhtrigger.rules.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.io.ResourceFactory;
import org.kie.internal.utils.KieHelper;
import org.mhtrigger.engine.ConfigurationException;

/**
 * Compiles the DRL files shipped in {@code org/mhtrigger/rules/} into a {@link KieBase}. Stateless, thread-safe.
 */
public final class RuleBase {
    /** The DRL files of the rule base, one per catalogue module plus the text seam. */
    public static final List<String> DRL_FILES = List.of(
            "behaviour.drl",
            "care.drl",
            "laboratory.drl",
            "medication.drl",
            "quality.drl",
            "restrictive.drl",
            "text.drl",
            "transitions.drl");

    private RuleBase() {}

    /**
     * Compiles the given DRL files from the classpath.
     *
     * @throws ConfigurationException with the compiler's messages if a file does not compile
     */
    public static KieBase compile(List<String> drlFiles) {
        KieHelper helper = new KieHelper();
        for (String name : drlFiles) {
            helper.addResource(
                    ResourceFactory.newByteArrayResource(Resources.classpathBytes(name))
                            .setSourcePath(Resources.FOLDER + name),
                    ResourceType.DRL);
        }
        var results = helper.verify();
        if (results.hasMessages(org.kie.api.builder.Message.Level.ERROR)) {
            String errors = results.getMessages(org.kie.api.builder.Message.Level.ERROR).stream()
                    .map(m -> m.getPath() + " line " + m.getLine() + ": " + m.getText())
                    .collect(Collectors.joining("; "));
            throw new ConfigurationException("rule base does not compile: " + errors);
        }
        KieBase base;
        try {
            base = helper.build();
        } catch (RuntimeException e) {
            throw new ConfigurationException("rule base could not be built: " + e.getMessage(), e);
        }
        requireSession(base);
        return base;
    }

    /** Drools can hand out {@code null} sessions when it is misconfigured: fail at startup instead. */
    public static void requireSession(KieBase base) {
        if (base == null) {
            throw new ConfigurationException("rule base is missing: Drools returned no KieBase");
        }
        KieSession probe = base.newKieSession();
        if (probe == null) {
            throw new ConfigurationException("rule base cannot open a session: Drools returned null");
        }
        probe.dispose();
    }
}
