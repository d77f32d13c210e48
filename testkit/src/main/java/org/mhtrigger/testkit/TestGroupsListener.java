package org.mhtrigger.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Records what each {@link TestGroup} did in this run (a line a test: group, outcome, the reason of a skip) in {@code
 * target/test-groups.tsv} of the module under test, for {@code ./mhtrigger test} to sum up. Registered with the JUnit
 * Platform through {@code META-INF/services}, so every module that has the testkit on its test path reports.
 */
public final class TestGroupsListener implements TestExecutionListener {
    private final List<String> lines = new ArrayList<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        record(test, "skipped", reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        switch (result.getStatus()) {
            case SUCCESSFUL -> record(test, "passed", "");
            case ABORTED ->
                record(
                        test,
                        "skipped",
                        result.getThrowable().map(Throwable::getMessage).orElse("(no reason given)"));
            case FAILED -> record(test, "failed", "");
        }
    }

    /** Tags apply to containers too: a skipped or failed class counts once, its tests as they finish. */
    private synchronized void record(TestIdentifier test, String outcome, String reason) {
        if (!test.isTest() && outcome.equals("passed")) {
            return;
        }
        String why = reason == null ? "" : reason.replaceAll("\\s+", " ").strip();
        Set<TestGroup> groups = EnumSet.noneOf(TestGroup.class);
        for (TestTag tag : test.getTags()) {
            TestGroup.ofTag(tag.getName()).ifPresent(groups::add);
        }
        for (TestGroup group : TestGroup.values()) {
            // a variant of a test that is not tagged as a whole (one database of several) skips with its group's words
            if (why.startsWith(group.tag() + " tests ")) {
                groups.add(group);
            }
        }
        for (TestGroup group : groups) {
            lines.add(group.tag() + "\t" + outcome + "\t" + why);
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        Path target = Path.of("target");
        if (!Files.isDirectory(target)) {
            return;
        }
        try {
            Files.write(target.resolve("test-groups.tsv"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
