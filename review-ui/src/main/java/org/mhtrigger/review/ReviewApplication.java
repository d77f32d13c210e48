package org.mhtrigger.review;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The Spring Boot application; start it through {@link ReviewServer}. */
@SpringBootApplication
public class ReviewApplication {
    @Bean
    TriggerChoices triggerChoices(ObjectProvider<ReviewSettings> settings) {
        ReviewSettings given = settings.getIfAvailable();
        return new TriggerChoices(given == null ? List.of() : given.catalogue());
    }
}
