package org.mhtrigger.review;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The settings a started server would get from the app: here only the test catalogue matters. */
@TestConfiguration
public class TestSettings {
    @Bean
    ReviewSettings reviewSettings() {
        return new ReviewSettings(0, "jdbc:h2:mem:unused", "", "", Fixtures.CATALOGUE, "");
    }

    @Bean
    Fixtures fixtures(
            DemoData data, org.mhtrigger.review.store.Users users, org.mhtrigger.review.store.ReviewService reviews) {
        return new Fixtures(data, users, reviews);
    }
}
