package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mhtrigger.review.store.ReviewService;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:workflow;DB_CLOSE_DELAY=-1")
@Import(TestSettings.class)
class H2WorkflowTest extends WorkflowContract {
    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void auditPage_saysPlainlyWhenTheChainIsBroken() {
        ReviewService.ReviewView review = fixtures.freshReview();
        WebClient ann = new WebClient(port);
        ann.login("ann", Fixtures.PASSWORD);
        assertThat(ann.get("/reviews/" + review.id() + "/audit").body())
                .contains("Audit chain intact")
                .doesNotContain("never changed or removed");
        long row = jdbc.sql("SELECT MIN(id) FROM audit_entry WHERE review_id = ?")
                .param(review.id())
                .query(Long.class)
                .single();
        String actor = jdbc.sql("SELECT actor FROM audit_entry WHERE id = ?")
                .param(row)
                .query(String.class)
                .single();

        jdbc.sql("UPDATE audit_entry SET actor = 'mallory' WHERE id = ?")
                .param(row)
                .update();
        String page;
        try {
            page = ann.get("/reviews/" + review.id() + "/audit").body();
        } finally {
            // the same value back makes the row match its seal again, for the other tests on this database
            jdbc.sql("UPDATE audit_entry SET actor = ? WHERE id = ?")
                    .params(actor, row)
                    .update();
        }

        assertThat(page)
                .contains("The audit chain is broken")
                .contains("audit row " + row + " edited")
                .doesNotContain("Audit chain intact");
    }

    @Test
    void longQueue_isShownFiftyRecordsAPage_withLinksToTheOtherPages() {
        for (int i = 0; i < 51; i++) {
            fixtures.freshReview();
        }
        WebClient lead = new WebClient(port);
        lead.login("lead", Fixtures.PASSWORD);

        String first = lead.get("/queue").body();
        String second = lead.get("/queue?page=2").body();

        assertThat(first.split("<tr>")).hasSize(1 + 1 + 50); // before the table, the header row, 50 records
        assertThat(first)
                .contains("<nav class=\"pager\" aria-label=\"Queue pages\">")
                .contains("Records 1–50 of")
                .contains("href=\"/queue?page=2\"");
        assertThat(first).doesNotContain("rel=\"prev\"");
        assertThat(second).contains("Records 51–").contains("href=\"/queue?page=1\"");
    }

    @Test
    void staleFormSubmittedOverHttp_isAConflictPageAndNothingIsOverwritten() {
        ReviewService.ReviewView review = fixtures.freshReview();
        WebClient first = new WebClient(port);
        first.login("ann", Fixtures.PASSWORD);
        first.get("/reviews/" + review.id());
        Map<String, String> form = Map.of(
                "version", String.valueOf(review.version()),
                "outcomeClass", "ADVERSE_EVENT",
                "description", "first tab",
                "harmCategory", "F");
        assertThat(first.post("/reviews/" + review.id() + "/events", form).statusCode())
                .isEqualTo(302);

        Map<String, String> stale = new java.util.HashMap<>(form);
        stale.put("description", "second tab");
        HttpResponse<String> conflict = first.post("/reviews/" + review.id() + "/events", stale);

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("Someone else changed this record");
        String page = first.get("/reviews/" + review.id()).body();
        assertThat(page).contains("first tab").doesNotContain("second tab");
    }

    @Test
    void quickSubmit_recordsTheSecondsTheTimerCountedSinceItsLastReport() {
        ReviewService.ReviewView review = fixtures.freshReview();
        WebClient ann = new WebClient(port);
        ann.login("ann", Fixtures.PASSWORD);
        assertThat(ann.get("/reviews/" + review.id()).body())
                .contains("name=\"seconds\" value=\"0\" class=\"timer-seconds\"");

        HttpResponse<String> submit = ann.post(
                "/reviews/" + review.id() + "/submit",
                Map.of("version", String.valueOf(review.version()), "seconds", "42"));

        assertThat(submit.statusCode()).isEqualTo(302);
        assertThat(reviews.view(Fixtures.LEAD, review.id()).secondsSpent()).isEqualTo(42);
        assertThat(audit.forReview(review.id()))
                .filteredOn(entry -> entry.field().equals("minutes spent"))
                .extracting(org.mhtrigger.review.store.AuditTrail.Entry::newValue)
                .containsExactly("0.7");
    }

    @Test
    void storeCode_hasNoUpdateOrDeletePathForTheAuditTrail() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            String code = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
                    .filter(p -> !p.toString().contains("audit_append_only"))
                    .map(p -> {
                        try {
                            return Files.readString(p);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .reduce("", String::concat)
                    .toUpperCase(java.util.Locale.ROOT);
            assertThat(code).contains("INSERT INTO AUDIT_ENTRY");
            assertThat(code).doesNotContain("UPDATE AUDIT_ENTRY").doesNotContain("DELETE FROM");
        }
    }
}
