package org.mhtrigger.fhir.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.hl7.fhir.utilities.xhtml.XhtmlParser;
import org.junit.jupiter.api.Test;
import org.mhtrigger.fhir.internal.parse.UsualDateTime;

class ValueNormalisationTest {
    @Test
    void icd10Codes_getUpperCaseAndTheirDot() {
        assertThat(ResourceExtractor.normaliseIcd10("x780")).isEqualTo("X78.0");
        assertThat(ResourceExtractor.normaliseIcd10("F20.0-")).isEqualTo("F20.0");
        assertThat(ResourceExtractor.normaliseIcd10("R69X")).isEqualTo("R69");
        assertThat(ResourceExtractor.normaliseIcd10("N39.0")).isEqualTo("N39.0");
        assertThat(ResourceExtractor.normaliseIcd10("L89")).isEqualTo("L89");
    }

    @Test
    void dateOnlyYearAndMonthValues_startInUtc() {
        assertThat(FhirValues.instant("2024-03-05")).isEqualTo(Instant.parse("2024-03-05T00:00:00Z"));
        assertThat(FhirValues.instant("2024-03")).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(FhirValues.instant("2024")).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(FhirValues.instant("2024-03-05T10:00:00+08:00")).isEqualTo(Instant.parse("2024-03-05T02:00:00Z"));
        assertThat(FhirValues.instant("not a date")).isNull();
    }

    @Test
    void theHandReadUsualDateTimeForm_givesWhatTheFullParserGives() {
        long seed = 20261124L;
        Random random = new Random(seed);
        String[] offsets = {
            "Z", "+00:00", "-00:00", "+08:00", "-05:30", "+14:00", "+17:59", "+18:00", "-18:00", "+19:00", "+08:60",
            "z", "+0800", ""
        };
        for (int i = 0; i < 20_000; i++) {
            // mostly valid values near the edges of each field, some out of range
            String text = String.format(
                    "%04d-%02d-%02dT%02d:%02d:%02d%s%s",
                    random.nextInt(10) == 0 ? random.nextInt(10_000) : 1999 + random.nextInt(30),
                    random.nextInt(14),
                    random.nextInt(33),
                    random.nextInt(26),
                    random.nextInt(61),
                    random.nextInt(61),
                    switch (random.nextInt(4)) {
                        case 0 -> "";
                        case 1 -> "." + "123456789012".substring(0, random.nextInt(12));
                        default -> "." + "5".repeat(1 + random.nextInt(9));
                    },
                    offsets[random.nextInt(offsets.length)]);
            Instant expected;
            try {
                expected = text.endsWith("Z") || FhirValues.endsWithOffset(text)
                        ? OffsetDateTime.parse(text).toInstant()
                        : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                expected = null;
            }
            assertThat(FhirValues.instant(text)).as("%s (seed %d)", text, seed).isEqualTo(expected);
            Instant usual = UsualDateTime.instant(text);
            if (usual != null) {
                assertThat(usual).as(text).isEqualTo(expected);
            }
        }
        assertThat(UsualDateTime.instant("2024-02-29T23:59:59.5+01:00"))
                .isEqualTo(Instant.parse("2024-02-29T22:59:59.500Z"));
        assertThat(UsualDateTime.instant("2023-02-29T00:00:00Z")).isNull();
    }

    @Test
    void referenceKeys_readByHandWhenPlain_areWhatHapisIdTypeGives() {
        long seed = 20261206L;
        Random random = new Random(seed);
        String alphabet = "Patient/Obs.e-1_#:?= /x9";
        int plain = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "Encounter/" : "");
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String r = text.toString().trim();
            if (r.isEmpty() || r.startsWith("#") || r.startsWith("urn:")) {
                continue;
            }
            org.hl7.fhir.r4.model.IdType id = new org.hl7.fhir.r4.model.IdType(r);
            String byHapi = id.hasResourceType() && id.hasIdPart() ? id.getResourceType() + "/" + id.getIdPart() : r;
            assertThat(FhirValues.referenceKey(r)).as("%s (seed %d)", r, seed).isEqualTo(byHapi);
            plain += FhirValues.isPlainKey(r) ? 1 : 0;
            if (org.mhtrigger.fhir.internal.Text.isPlainId(r, 0)) {
                assertThat(id.getIdPart()).as("%s (seed %d)", r, seed).isEqualTo(r);
            }
        }
        assertThat(plain).as("values the hand-read path took").isGreaterThan(1_000);
        assertThat(FhirValues.referenceKey("Encounter/e-1/_history/2")).isEqualTo("Encounter/e-1");
        assertThat(FhirValues.referenceKey("http://x.org/fhir/Patient/p-1")).isEqualTo("Patient/p-1");
    }

    @Test
    void htmlNotes_becomeOneLinePerBlock() {
        assertThat(FhirValues.htmlToText(
                        "<div>Seen &amp; reviewed.<br>Plan:\n  <ul><li>obs</li><li>bloods</li></ul></div>"))
                .isEqualTo("Seen & reviewed.\nPlan:\nobs\nbloods");
    }

    @Test
    void htmlNotes_dropScriptsAndKeepTableCellsAndPreformattedLinesApart() {
        assertThat(FhirValues.htmlToText("<p>Obs<script>alert('x')</script></p><table><tr><td>Lithium</td>"
                        + "<td>1.6</td></tr></table><pre>line one\nline two</pre>"))
                .isEqualTo("Obs\nLithium 1.6\nline one\nline two");
    }

    @Test
    void narrativeAndHtmlAttachment_withTheSameMarkup_giveTheSameText() throws Exception {
        // given a note as it might arrive as an XHTML narrative or as an HTML attachment
        String xhtml = "<div xmlns=\"http://www.w3.org/1999/xhtml\"><h2>Ward round</h2><p>Seen &amp; reviewed"
                + " &lt;24h&gt; ago.<br/>Plan:</p><ul><li>obs <b>hourly</b></li><li>bloods</li></ul>"
                + "<table><tr><th>Lithium</th><td>1.6</td></tr></table><pre>no\nchange</pre>"
                + "<ol><li>one</li></ol>caf\u00e9 &quot;ok&quot;</div>";
        XhtmlNode narrative = new XhtmlParser().parse(xhtml, "div");

        // when each is made plain text, then both read the same
        String expected = "Ward round\nSeen & reviewed <24h> ago.\nPlan:\nobs hourly\nbloods\nLithium 1.6\nno\nchange"
                + "\none\ncaf\u00e9 \"ok\"";
        assertThat(FhirValues.narrativeText(narrative)).isEqualTo(expected);
        assertThat(FhirValues.htmlToText(xhtml)).isEqualTo(expected);
        assertThat(FhirValues.narrativeText(null)).isEmpty();
    }
}
