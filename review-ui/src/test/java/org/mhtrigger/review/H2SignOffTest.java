package org.mhtrigger.review;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** Sign-off and work management on H2. */
@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.datasource.url=jdbc:h2:mem:signoff;DB_CLOSE_DELAY=-1")
@Import(TestSettings.class)
class H2SignOffTest extends SignOffContract {}
