package org.mhtrigger.app.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.screen.Finding;
import org.mhtrigger.engine.screen.Screening;

class JsonLinesFindingWriterTest {
    /** Counts the flushes that reach the target: each one is a system call when the target is a file. */
    private static final class CountingWriter extends StringWriter {
        int flushes;

        @Override
        public void flush() {
            flushes++;
            super.flush();
        }
    }

    private static Finding finding(int i) {
        return new Finding(
                "Encounter/e-1",
                "Patient/p-1",
                "MH-S01",
                "Self-harm <in> \"ward\"",
                new SourceRef("DocumentReference", "n-" + i),
                new TextSpan(3, 12),
                "tied a ligature",
                Instant.parse("2024-03-0" + (i + 1) + "T10:00:00Z"),
                "1.0");
    }

    @Test
    void writesOneLinePerFindingAndLeavesWritingToTheTargetsBuffer() {
        CountingWriter target = new CountingWriter();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            findings.add(finding(i));
        }
        FindingWriter writer = FindingFormat.jsonl.open(target, false);
        writer.write(new Screening("Encounter/e-1", findings, List.of()));
        writer.write(new Screening("Encounter/e-1", List.of(finding(3)), List.of()));

        assertThat(target.flushes).as("flushes before close").isZero();
        writer.close();
        assertThat(target.flushes).isEqualTo(1);
        List<String> lines = target.toString().lines().toList();
        assertThat(target.toString()).endsWith("}\n");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0))
                .isEqualTo("{\"record\":\"Encounter/e-1\",\"patient\":\"Patient/p-1\",\"trigger\":\"MH-S01\","
                        + "\"name\":\"Self-harm <in> \\\"ward\\\"\",\"source\":{\"type\":\"DocumentReference\","
                        + "\"id\":\"n-0\",\"start\":3,\"end\":12},\"evidence\":\"tied a ligature\","
                        + "\"at\":\"2024-03-01T10:00:00Z\",\"ruleset\":\"1.0\"}");
        assertThat(lines.get(3)).contains("\"id\":\"n-3\"", "\"at\":\"2024-03-04T10:00:00Z\"");
    }
}
