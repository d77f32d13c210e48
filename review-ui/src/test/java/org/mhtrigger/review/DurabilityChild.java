package org.mhtrigger.review;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.flywaydb.core.Flyway;
import org.mhtrigger.review.store.AuditKey;
import org.mhtrigger.review.store.AuditTrail;
import org.mhtrigger.review.store.DatabaseUrls;
import org.mhtrigger.review.store.DurableTransactionManager;
import org.mhtrigger.review.store.OutcomeClass;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.Stays;
import org.mhtrigger.review.store.Users;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The product's store as a process of its own, for the tests that kill it. It opens the database the way the server
 * does ({@link DatabaseUrls#durable}, the Flyway migrations) and saves through the product's own
 * {@link ReviewService} in a transaction, as the web layer does.
 *
 * <ul>
 *   <li>{@code DurabilityChild URL USER PASSWORD setup}: creates the accounts and one review, prints {@code REVIEW id}
 *       and ends.
 *   <li>{@code DurabilityChild URL USER PASSWORD save REVIEW ROUND}: adds events to that review one after another,
 *       printing {@code ACK description} after each commit has returned, until it is killed.
 * </ul>
 */
public final class DurabilityChild {
    private DurabilityChild() {}

    public static void main(String[] args) {
        String url = DatabaseUrls.durable(args[0]);
        SingleConnectionDataSource data = new SingleConnectionDataSource(url, args[1], args[2], true);
        Flyway.configure()
                .dataSource(data)
                .locations(
                        "classpath:db/migration/common",
                        "classpath:db/migration/" + (url.startsWith("jdbc:postgresql:") ? "postgresql" : "h2"))
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(data);
        AuditTrail audit = new AuditTrail(jdbc, AuditKey.ephemeral());
        Stays stays = new Stays(jdbc, new JdbcTemplate(data));
        Users users = new Users(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder(), audit);
        ReviewService reviews = new ReviewService(jdbc, stays, users, audit);
        TransactionTemplate transaction = new TransactionTemplate(new DurableTransactionManager(data, url));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args[3].equals("setup")) {
            Fixtures fixtures =
                    new Fixtures(new DemoData(stays, users, reviews, new DemoHistory(jdbc, audit)), users, reviews);
            out.println(
                    "REVIEW " + transaction.execute(s -> fixtures.freshReview().id()));
            data.destroy();
            return;
        }
        long review = Long.parseLong(args[4]);
        long version = reviews.view(Fixtures.ANN, review).version();
        for (int n = 0; ; n++) {
            String description = "save " + args[5] + "-" + n;
            long expected = version;
            transaction.executeWithoutResult(s -> reviews.addEvent(
                    Fixtures.ANN,
                    review,
                    expected,
                    new ReviewService.EventInput(null, OutcomeClass.ADVERSE_EVENT, description, "F", false, null),
                    null));
            out.println("ACK " + description);
            version++;
        }
    }
}
