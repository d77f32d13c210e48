package org.mhtrigger.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.engine.ConfigurationException;

/** The blind sentence set becomes one-note stays and gold exactly as committed under {@code corpus-samples/blind}. */
class BlindSetBuilderTest {
    static final Path BLIND = Path.of("blind");
    private static final String HEADER = String.join("\t", BlindSetBuilder.COLUMNS);
    private static final Pattern DATE = Pattern.compile("\"date\":\"([^\"]+)\"");

    @TempDir
    Path temp;

    @Test
    void committedBlindSet_rebuildsByteForByteFromItsSentences() throws IOException {
        Path out = temp.resolve("blind");

        BlindSetBuilder.Summary summary = new BlindSetBuilder().build(BLIND.resolve("sentences.tsv"), out);

        assertThat(summary.stays()).isEqualTo(446);
        Map<String, byte[]> expected = CorpusGeneratorTest.filesAsBytes(BLIND.resolve("stays"));
        Map<String, byte[]> actual = CorpusGeneratorTest.filesAsBytes(out.resolve("stays"));
        assertThat(actual.keySet()).as("files of blind/stays").isEqualTo(expected.keySet());
        for (String name : expected.keySet()) {
            assertThat(actual.get(name))
                    .as("blind/stays/" + name + " (rebuild with: ./mhtrigger corpus blind --in "
                            + "corpus-samples/blind/sentences.tsv --out corpus-samples/blind)")
                    .isEqualTo(expected.get(name));
        }
        assertThat(Files.readAllBytes(out.resolve("gold.csv")))
                .as("blind/gold.csv")
                .isEqualTo(Files.readAllBytes(BLIND.resolve("gold.csv")));
    }

    @Test
    void everySentence_becomesOneStayOfFiveResources_andEveryRecordIsInTheGold() throws IOException {
        List<BlindSetBuilder.Sentence> sentences = BlindSetBuilder.read(BLIND.resolve("sentences.tsv"));
        Path out = temp.resolve("all");

        BlindSetBuilder.Summary summary = new BlindSetBuilder().write(sentences, out);

        assertThat(summary.resources()).isEqualTo(5 * sentences.size());
        for (String type : List.of("Patient", "Encounter", "RiskAssessment", "CarePlan", "DocumentReference")) {
            assertThat(Files.readAllLines(out.resolve("stays/" + type + ".ndjson")))
                    .as(type)
                    .hasSize(sentences.size());
        }
        Set<String> goldRecords = Files.readAllLines(out.resolve("gold.csv")).stream()
                .skip(1)
                .map(line -> line.substring(0, line.indexOf(',')))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(goldRecords)
                .isEqualTo(sentences.stream()
                        .map(BlindSetBuilder.Sentence::record)
                        .collect(Collectors.toCollection(TreeSet::new)));
        int codes = sentences.stream()
                .mapToInt(s -> Math.max(1, s.expected().size()))
                .sum();
        assertThat(summary.goldRows()).isEqualTo(codes);
    }

    @Test
    void aSentenceWithCodes_givesOneGoldRowPerCode_andOneWithout_givesAnEmptyTrigger() throws IOException {
        Path out = build(
                "b001\tUK\tnursing-shift\t3\tPt punched a peer.\tMH-B04;MH-B03;MH-B04\tevent",
                "b002\tSG\trisk-form\t0\tRisk of violence: moderate.\t\tform-line");

        assertThat(Files.readAllLines(out.resolve("gold.csv")))
                .containsExactly("record,trigger", "blind-b001,MH-B03", "blind-b001,MH-B04", "blind-b002,");
    }

    @Test
    void theNote_holdsTheSentenceAsBase64PlainText_inTheVoicesLanguage() throws IOException {
        String text = "Pt stated she \"wanted it all to end\", ligature cut by RMN.";
        Path out = build("b005\tAU\tincident\t6\t" + text + "\tMH-B01;MH-B02\tevent");

        String note = Files.readString(out.resolve("stays/DocumentReference.ndjson"));
        Matcher data = Pattern.compile("\"data\":\"([^\"]+)\"").matcher(note);
        assertThat(data.find()).isTrue();
        assertThat(new String(Base64.getDecoder().decode(data.group(1)), StandardCharsets.UTF_8))
                .isEqualTo(text);
        assertThat(note)
                .contains("\"contentType\":\"text/plain\"")
                .contains("\"language\":\"en-AU\"")
                .contains("\"encounter\":[{\"reference\":\"Encounter/blind-b005\"}]");
    }

    @Test
    void theStay_runsFromAdmissionToDischargeInTheVoicesLocalTime_onAWardDischargedHome() throws IOException {
        Path out = build("b004\tUS\tmedical-review\t2\tPt reports OD on 3/2.\t\tdated-before-admission");

        String encounter = Files.readString(out.resolve("stays/Encounter.ndjson"));
        assertThat(encounter)
                .contains("\"id\":\"blind-b004\"")
                .contains("\"status\":\"finished\"")
                .contains("\"code\":\"IMP\"")
                .contains("\"start\":\"2025-03-10T08:00:00-04:00\",\"end\":\"2025-03-24T10:00:00-04:00\"")
                .contains("\"code\":\"home\"")
                .contains("\"location\":[{\"location\":{\"display\":\"4 West Adult Inpatient Psychiatry\"}");
    }

    @Test
    void riskAssessmentAndCarePlan_fallOnTheDayOfAdmission() throws IOException {
        Path out = build("b003\tUK\tnursing-shift\t5\tFell asleep in the lounge.\t\tword-sense");

        assertThat(Files.readString(out.resolve("stays/RiskAssessment.ndjson")))
                .contains("\"occurrenceDateTime\":\"2025-03-10T09:30:00+00:00\"");
        assertThat(Files.readString(out.resolve("stays/CarePlan.ndjson")))
                .contains("\"created\":\"2025-03-10T13:00:00+00:00\"");
    }

    @Test
    void thePatient_hasNoDirectIdentifier_andAnAdultBirthDate() throws IOException {
        List<BlindSetBuilder.Sentence> sentences = BlindSetBuilder.read(BLIND.resolve("sentences.tsv"));
        Path out = temp.resolve("patients");
        new BlindSetBuilder().write(sentences, out);

        List<String> patients = Files.readAllLines(out.resolve("stays/Patient.ndjson"));
        Pattern birth = Pattern.compile("\"birthDate\":\"(\\d{4})-01-01\"");
        assertThat(patients).allSatisfy(patient -> {
            assertThat(patient)
                    .doesNotContain("\"identifier\"")
                    .doesNotContain("\"name\"")
                    .doesNotContain("\"address\"")
                    .doesNotContain("\"telecom\"")
                    .contains("\"code\":\"synthetic\"");
            Matcher year = birth.matcher(patient);
            assertThat(year.find()).as(patient).isTrue();
            assertThat(Integer.parseInt(year.group(1))).as(patient).isBetween(1940, 2007);
        });
    }

    @Test
    void aShiftNote_isWrittenAfterTheClockTimesItTells() throws IOException {
        Path out = build("b001\tUK\tnursing-shift\t3\tPunched HCA at approx 15:40, IM lorazepam at 15:52.\t\tevent");

        assertThat(noteDate(out)).isEqualTo("2025-03-13T21:30:00+00:00");
    }

    @Test
    void anIncidentInTheEvening_isWrittenHalfAnHourAfterTheLastTimeItTells() throws IOException {
        Path out = build("b029\tSG\tincident\t4\tAWOL at 17:00, returned by police at 2100.\tMH-B05\tevent");

        assertThat(noteDate(out)).isEqualTo("2025-03-14T21:30:00+08:00");
    }

    @Test
    void anIncidentJustBeforeMidnight_isWrittenAt2355() throws IOException {
        Path out = build("b029\tSG\tincident\t4\tReturned by police at 23:30.\tMH-B05\tevent");

        assertThat(noteDate(out)).isEqualTo("2025-03-14T23:55:00+08:00");
    }

    @Test
    void aYearInTheText_isNotAClockTime() throws IOException {
        Path out = build("b064\tUK\tward-round\t4\tHx of 3 suicide attempts, most recent in 2019.\t\thistorical");

        assertThat(noteDate(out)).isEqualTo("2025-03-14T11:30:00+00:00");
    }

    @Test
    void aNoteOnTheDayOfAdmission_comesAfterAdmission_andOneOnDay14_beforeDischarge() throws IOException {
        Path first = build("b000\tUK\tnursing-shift\t0\tSettled on arrival.\t\tevent");
        Path last = build("b003\tUK\tdischarge-summary\t14\tNo falls during this admission.\t\tnegation-pre");

        assertThat(noteDate(first)).as("07:30 would precede admission at 08:00").isEqualTo("2025-03-10T14:30:00+00:00");
        assertThat(noteDate(last)).as("16:00 would follow discharge at 10:00").isEqualTo("2025-03-24T09:45:00+00:00");
    }

    @Test
    void aLineWithANoteDayOutsideTheStay_isRejectedNamingTheLineAndTheValue() throws IOException {
        Path tsv = tsv("b001\tUK\tnursing-shift\t15\tPt settled.\t\tevent");

        assertThatThrownBy(() -> BlindSetBuilder.read(tsv))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(tsv + ":2: note_day '15' must be a whole number of days from 0 to 14");
    }

    @Test
    void anUnknownNoteTypeOrVoiceOrCode_isRejected() throws IOException {
        assertThatThrownBy(() -> BlindSetBuilder.read(tsv("b001\tNZ\tnursing-shift\t1\tx\t\tevent")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("voice 'NZ' must be one of [UK, SG, AU, US]");
        assertThatThrownBy(() -> BlindSetBuilder.read(tsv("b001\tUK\tsocial-work\t1\tx\t\tevent")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("note_type 'social-work' must be one of");
        assertThatThrownBy(() -> BlindSetBuilder.read(tsv("b001\tUK\tnursing-shift\t1\tx\tB01\tevent")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("expected code 'B01' must look like MH-B01");
    }

    @Test
    void aRepeatedIdOrAWrongHeader_isRejected() throws IOException {
        Path twice = tsv("b001\tUK\tnursing-shift\t1\tx\t\tevent", "b001\tUK\tnursing-shift\t2\ty\t\tevent");
        assertThatThrownBy(() -> BlindSetBuilder.read(twice))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(":3: id 'b001' appears twice");

        Path header = temp.resolve("header.tsv");
        Files.writeString(header, "id,voice\n");
        assertThatThrownBy(() -> BlindSetBuilder.read(header))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(header + ":1: header must be the tab-separated columns");
    }

    @Test
    void aMissingSentenceFile_isRejectedWithOneClearMessage() {
        Path missing = temp.resolve("nope.tsv");

        assertThatThrownBy(() -> BlindSetBuilder.read(missing))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(missing + ": sentence file not found");
    }

    private Path tsv(String... lines) throws IOException {
        Path file = Files.createTempFile(temp, "sentences", ".tsv");
        Files.writeString(file, HEADER + "\n" + String.join("\n", lines) + "\n");
        return file;
    }

    private Path build(String... lines) throws IOException {
        Path out = Files.createTempDirectory(temp, "out");
        new BlindSetBuilder().build(tsv(lines), out);
        return out;
    }

    private static String noteDate(Path out) throws IOException {
        Matcher date = DATE.matcher(Files.readString(out.resolve("stays/DocumentReference.ndjson")));
        assertThat(date.find()).isTrue();
        return date.group(1);
    }
}
