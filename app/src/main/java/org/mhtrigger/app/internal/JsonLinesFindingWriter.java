package org.mhtrigger.app.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.screen.Finding;
import org.mhtrigger.engine.screen.Screening;
import org.mhtrigger.engine.screen.TextHit;

/**
 * One JSON object per line, one line per finding (docs/spec/interfaces.md). With {@code explain}, suppressed mentions follow
 * as lines with a {@code "suppressed"} key naming the assertion and a {@code "reason"} key with the cue or rule that
 * decided it, in words ({@code "negated by 'not required'"}).
 */
final class JsonLinesFindingWriter implements FindingWriter {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final Writer out;
    private final JsonGenerator json;
    private final boolean explain;

    JsonLinesFindingWriter(Writer out, boolean explain) {
        this.out = out;
        this.explain = explain;
        try {
            this.json = JSON.createGenerator(out);
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            // flush() moves each line into the writer before its '\n'; the writer's buffer decides when to write, so
            // a file of 167,000 findings is not written with one system call per finding
            json.configure(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM, false);
            json.setRootValueSeparator(null); // the lines are separated by '\n' alone, not also by Jackson's space
        } catch (IOException e) {
            throw FindingWriter.failed(e);
        }
    }

    @Override
    public void write(Screening screening) {
        try {
            for (Finding finding : screening.findings()) {
                json.writeStartObject();
                json.writeStringField("record", finding.record());
                json.writeStringField("patient", finding.patient());
                json.writeStringField("trigger", finding.trigger());
                json.writeStringField("name", finding.name());
                writeSource(finding.source(), finding.span());
                json.writeStringField("evidence", finding.evidence());
                json.writeStringField("at", finding.at().toString());
                json.writeStringField("ruleset", finding.ruleset());
                json.writeEndObject();
                json.flush();
                out.write('\n');
            }
            if (explain) {
                for (TextHit hit : screening.suppressed()) {
                    json.writeStartObject();
                    json.writeStringField("record", screening.record());
                    json.writeStringField("trigger", hit.trigger());
                    json.writeStringField("suppressed", hit.assertion().label());
                    if (!hit.reason().isEmpty()) {
                        json.writeStringField("reason", hit.reason());
                    }
                    writeSource(hit.source(), hit.span());
                    json.writeStringField("evidence", hit.sentence());
                    json.writeStringField("at", hit.time().toString());
                    json.writeEndObject();
                    json.flush();
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw FindingWriter.failed(e);
        }
    }

    private void writeSource(SourceRef source, TextSpan span) throws IOException {
        json.writeObjectFieldStart("source");
        json.writeStringField("type", source.type());
        json.writeStringField("id", source.id());
        if (span != null) {
            json.writeNumberField("start", span.start());
            json.writeNumberField("end", span.end());
        }
        json.writeEndObject();
    }

    @Override
    public void close() {
        try {
            json.close();
            out.flush();
        } catch (IOException e) {
            throw FindingWriter.failed(e);
        }
    }
}
