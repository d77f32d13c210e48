package org.mhtrigger.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.io.ResourceFactory;
import org.kie.internal.utils.KieHelper;
import org.mhtrigger.engine.ConfigurationException;

/**
 * Loads the rule base: the executable model that kie-maven-plugin precompiled from the DRL files at build time, or,
 * when it is absent (an IDE build without the plugin), the same DRL files compiled at startup. Stateless, thread-safe.
 */
public final class RuleBase {
    /** The KieBase of {@code META-INF/kmodule.xml}. */
    public static final String KIE_BASE = "mhtrigger";

    /** Written by kie-maven-plugin next to the generated classes; its presence means the model is precompiled. */
    static final String MODEL_MARKER = "META-INF/kie/org.mhtrigger/mhtrigger-rules/drools-model";

    /**
     * How a loaded rule base was obtained.
     *
     * @param precompiled whether it came from the build-time executable model
     */
    public record Loaded(KieBase base, boolean precompiled) {}

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
     * The shipped rule base: precompiled when the build produced the executable model, else compiled now.
     *
     * @throws ConfigurationException if Drools cannot provide the base or a session (for example when
     *     {@code kmodule.xml} is ignored because drools-xml-support is missing)
     */
    public static Loaded load() {
        ClassLoader loader = RuleBase.class.getClassLoader();
        if (loader.getResource(MODEL_MARKER) == null) {
            return new Loaded(compile(DRL_FILES), false);
        }
        KieBase base;
        try {
            base = KieBaseBuilder.createKieBaseFromModel(precompiledModel(loader));
        } catch (RuntimeException | ReflectiveOperationException | IOException e) {
            throw new ConfigurationException(
                    "precompiled rule base '" + KIE_BASE + "' could not be loaded: " + e.getMessage(), e);
        }
        requireSession(base);
        return new Loaded(base, true);
    }

    /**
     * The executable model kie-maven-plugin generated: the marker file names its class. Building the base straight from
     * it skips the classpath container's discovery and verification, which re-read {@code kmodule.xml} and cost about
     * 3 s of a 5 s small {@code screen} (3.9 s against 0.65 s for the same 60 rules, measured without the start-up
     * cache); the build already verified the rules.
     */
    private static Model precompiledModel(ClassLoader loader) throws IOException, ReflectiveOperationException {
        String className;
        try (InputStream in = loader.getResourceAsStream(MODEL_MARKER)) {
            className = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("Drools-Model-Version"))
                    .findFirst()
                    .orElseThrow(() -> new IOException(MODEL_MARKER + " names no model class"));
        }
        return (Model)
                Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
    }

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
        Results results = helper.verify();
        if (results.hasMessages(Message.Level.ERROR)) {
            throw new ConfigurationException("rule base does not compile: " + describe(results));
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

    private static String describe(Results results) {
        return results.getMessages(Message.Level.ERROR).stream()
                .map(m -> m.getPath() + " line " + m.getLine() + ": " + m.getText())
                .collect(Collectors.joining("; "));
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
