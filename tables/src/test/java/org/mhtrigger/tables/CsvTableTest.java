package org.mhtrigger.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {
    private static final List<String> COLUMNS = List.of("word", "example");

    @Test
    void rows_keepTheirLineNumbers_pastCommentsBlankLinesAndAByteOrderMark() {
        CsvTable table = CsvTable.parse(
                "words.csv", "\uFEFFword,example\n# a comment\n\n pt , \"Pt seen, settled\"\nobs,Obs stable", COLUMNS);

        assertThat(table.header()).isEqualTo(COLUMNS);
        assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(4, 5);
        assertThat(table.rows().get(0).get("word")).isEqualTo("pt");
        assertThat(table.rows().get(0).get("example")).isEqualTo("Pt seen, settled");
        assertThat(table.rows().get(1).where()).isEqualTo("words.csv line 5");
    }

    @Test
    void anExactHeader_refusesAnotherHeader_andAContainingHeader_readsItsColumnsInAnyOrder() {
        assertThatThrownBy(() -> CsvTable.parse("words.csv", "example,word\nx,y\n", COLUMNS))
                .isInstanceOf(CsvTableException.class)
                .hasMessage("words.csv line 1: header example,word must be word,example");

        CsvTable table = CsvTable.parse("words.csv", "note,example,word\nn,x,y\n", COLUMNS, CsvTable.Header.CONTAINS);
        assertThat(table.rows().get(0).values())
                .containsExactly(java.util.Map.entry("word", "y"), java.util.Map.entry("example", "x"));

        assertThatThrownBy(() -> CsvTable.parse("words.csv", "word\nx\n", COLUMNS, CsvTable.Header.CONTAINS))
                .isInstanceOf(CsvTableException.class)
                .hasMessage("words.csv line 1: missing column 'example' (expected word,example)");
    }

    @Test
    void badTables_areRefusedWithFileAndLine() {
        assertThatThrownBy(() -> CsvTable.parse("words.csv", "word,example\npt,a,b\n", COLUMNS))
                .hasMessage("words.csv line 2: 3 columns, expected 2 (word,example)");
        assertThatThrownBy(() -> CsvTable.parse("words.csv", "# only a comment\n", COLUMNS))
                .hasMessage("words.csv: empty, expected header word,example");
        assertThatThrownBy(() -> CsvTable.parse("words.csv", "word,example\npt,ok\nobs,\"open quote\n", COLUMNS))
                .isInstanceOf(CsvTableException.class)
                .hasMessageStartingWith("words.csv after line 2: malformed CSV");
    }

    @Test
    void aFileInTheOverrideFolder_replacesTheClasspathResource(@TempDir Path dir) throws Exception {
        Path override = dir.resolve("words.csv");
        Files.writeString(override, "word,example\nhx,Hx of\n");

        CsvTable table = CsvTable.read(
                override, getClass().getClassLoader(), "no/such/words.csv", "table ", COLUMNS, CsvTable.Header.EXACT);

        assertThat(table.file()).isEqualTo("table " + override);
        assertThat(table.rows()).extracting(r -> r.get("word")).containsExactly("hx");
        assertThatThrownBy(() -> CsvTable.read(
                        dir.resolve("absent.csv"),
                        getClass().getClassLoader(),
                        "no/such/words.csv",
                        "table ",
                        COLUMNS,
                        CsvTable.Header.EXACT))
                .isInstanceOf(CsvTableException.class)
                .hasMessage("table words.csv is missing from the classpath (no/such/words.csv)");
    }
}
