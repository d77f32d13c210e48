package org.mhtrigger.review;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.Users;

/**
 * The review server as a process of its own, for the tests that kill it: {@link ReviewServer#start} on the given
 * database, listening on an ephemeral port of 127.0.0.1, exactly as {@code ./mhtrigger serve} starts it.
 *
 * <p>{@code DurabilityChild URL USER PASSWORD AUDIT_KEY_FILE [setup]} prints {@code PORT n} once it serves requests
 * and then runs until it is killed. With {@code setup} it first creates the test accounts and one review through the
 * application's own beans and prints {@code REVIEW id}.
 */
public final class DurabilityChild {
    private DurabilityChild() {}

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ReviewServer server = ReviewServer.start(
                new ReviewSettings(0, args[0], args[1], args[2], Fixtures.CATALOGUE, "127.0.0.1", args[3]));
        if (args.length > 4 && args[4].equals("setup")) {
            Fixtures fixtures = new Fixtures(
                    server.bean(DemoData.class), server.bean(Users.class), server.bean(ReviewService.class));
            out.println("REVIEW " + fixtures.freshReview().id());
        }
        out.println("PORT " + server.port());
        server.awaitTermination();
    }
}
