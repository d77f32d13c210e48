package org.mhtrigger.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.mhtrigger.engine.MhTriggerException;
import org.mhtrigger.review.store.DatabaseUrls;
import org.mhtrigger.review.store.H2Compaction;
import org.mhtrigger.screening.ScreeningOptions;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * A running review UI: starts the Spring Boot application on the given database (running the Flyway migrations)
 * and port. Thread-safe; close it to stop.
 */
public final class ReviewServer implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final CountDownLatch closed = new CountDownLatch(1);

    private ReviewServer(ConfigurableApplicationContext context) {
        this.context = context;
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
    }

    /** Starts the application, importing with the bundled rules and mapping tables; returns once it serves requests. */
    public static ReviewServer start(ReviewSettings settings) {
        return start(settings, ScreeningOptions.defaults());
    }

    /**
     * Starts the application; returns once it serves requests.
     *
     * @param screening how the import screens uploaded and pulled records: the same options, edited rules and mapping
     *     tables as {@code mhtrigger screen} takes
     */
    public static ReviewServer start(ReviewSettings settings, ScreeningOptions screening) {
        Objects.requireNonNull(screening, "screening must not be null");
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + settings.port());
        if (!settings.bindAddress().isEmpty()) {
            args.add("--server.address=" + settings.bindAddress());
        }
        String url = DatabaseUrls.durable(settings.jdbcUrl());
        args.add("--spring.datasource.url=" + url);
        if (!settings.dbUser().isEmpty()) {
            args.add("--spring.datasource.username=" + settings.dbUser());
        }
        if (!settings.auditKeyFile().isEmpty()) {
            args.add("--mhtrigger.audit.key-file=" + settings.auditKeyFile());
        }
        if (!settings.dbPassword().isEmpty()) {
            args.add("--spring.datasource.password=" + settings.dbPassword());
        }
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(ReviewApplication.class)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    // once logging is set up (so its line shows) and before the database is opened
                    .listeners(event -> {
                        if (event instanceof ApplicationEnvironmentPreparedEvent) {
                            H2Compaction.compactIfSparse(url, settings.dbUser(), settings.dbPassword());
                        }
                    })
                    .initializers(c -> {
                        c.getBeanFactory().registerSingleton("reviewSettings", settings);
                        c.getBeanFactory().registerSingleton("screeningOptions", screening);
                    })
                    .run(args.toArray(String[]::new));
            return new ReviewServer(context);
        } catch (RuntimeException e) {
            // a setting of ours that cannot be used (e.g. no audit key for PostgreSQL): its one line, not Spring's nest
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof MhTriggerException ours) {
                    throw ours;
                }
            }
            throw e;
        }
    }

    /** The port it listens on (useful with port 0). */
    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A bean of the application, e.g. {@link DemoData}. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Blocks until the application stops (e.g. on Ctrl-C). */
    public void awaitTermination() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        context.close();
    }
}
