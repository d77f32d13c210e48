package org.mhtrigger.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a second JVM for a test that needs another process: a server to start, a process that holds a
 * database open, one to kill mid-write. It runs the JDK the tests run on, so the child sees the same Java version.
 */
public final class ChildJvm {
    private ChildJvm() {}

    /** The {@code java} launcher of the JDK running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * {@code java}, the JVM {@code options}, the tests' own classpath, {@code main} and its {@code args}; a list the
     * caller may add to.
     */
    public static List<String> command(List<String> options, Class<?> main, String... args) {
        return command(options, System.getProperty("java.class.path"), main.getName(), args);
    }

    /** The same with another {@code classpath} and a main class named by {@code mainClass}. */
    public static List<String> command(List<String> options, String classpath, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(options);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }
}
