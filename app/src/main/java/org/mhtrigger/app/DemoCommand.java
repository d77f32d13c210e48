package org.mhtrigger.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mhtrigger demo}: will start the review UI with the sample records; the UI is not built yet. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Starts the review UI with the bundled sample records (coming: the review UI is not built yet).")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE}).", defaultValue = "8080")
    int port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine()
                .getErr()
                .println("mhtrigger demo: the review UI is coming in a later release; meanwhile try "
                        + "'./mhtrigger screen --input corpus-samples/handwritten --format table'");
        return Main.FAILURE;
    }
}
