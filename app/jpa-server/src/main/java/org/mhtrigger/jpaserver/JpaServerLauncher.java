package org.mhtrigger.jpaserver;

import ca.uhn.fhir.batch2.api.IJobMaintenanceService;
import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.batch2.jobs.export.BulkDataExportProvider;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.binary.api.IBinaryStorageSvc;
import ca.uhn.fhir.jpa.binstore.DatabaseBinaryContentStorageSvcImpl;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import jakarta.persistence.EntityManagerFactory;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * Starts a HAPI FHIR R4 JPA server (H2 in memory, Bulk Data {@code $export} on) on 127.0.0.1 with a free port and
 * prints {@code READY <base URL>} on stdout when it answers. For tests only; runs until its process is ended.
 *
 * <p>The smallest wiring that serves search, transactions and Bulk Data: HAPI's own Spring configurations
 * ({@link JpaR4Config}, {@link HapiJpaConfig}, the Batch2 job framework and its jobs) plus the few beans they expect
 * the host to give (data source, entity manager factory, storage settings), as hapi-fhir-jpaserver-starter does
 * without Spring Boot.
 */
public final class JpaServerLauncher {
    private JpaServerLauncher() {}

    public static void main(String[] args) throws Exception {
        var spring = new AnnotationConfigApplicationContext(ServerConfig.class);
        // Batch2 (Bulk Data $export) advances a job on a maintenance pass, scheduled once a minute: too slow for a
        // test, so ask for a pass every second (a pass already running makes the request a no-op)
        IJobMaintenanceService maintenance = spring.getBean(IJobMaintenanceService.class);
        Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "batch2-maintenance-trigger");
                    thread.setDaemon(true);
                    return thread;
                })
                .scheduleWithFixedDelay(maintenance::triggerMaintenancePass, 1, 1, TimeUnit.SECONDS);
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(spring.getBean(RestfulServer.class)), "/fhir/*");
        jetty.setHandler(context);
        jetty.start();
        System.out.println("READY http://127.0.0.1:" + connector.getLocalPort() + "/fhir");
        System.out.flush();
        jetty.join();
    }

    /** HAPI's configurations plus what they expect the host to provide. */
    @Configuration
    @EnableTransactionManagement
    // SubscriptionChannelConfig: the in-memory message broker Batch2 hands its work chunks through
    @Import({
        JpaR4Config.class,
        HapiJpaConfig.class,
        JpaBatch2Config.class,
        Batch2JobsConfig.class,
        SubscriptionChannelConfig.class,
        ThreadPoolFactoryConfig.class
    })
    public static class ServerConfig {
        @Bean
        public DataSource dataSource() {
            BasicDataSource dataSource = new BasicDataSource();
            dataSource.setDriverClassName("org.h2.Driver");
            dataSource.setUrl("jdbc:h2:mem:hapi;DB_CLOSE_DELAY=-1");
            dataSource.setUsername("sa");
            dataSource.setPassword("");
            return dataSource;
        }

        @Bean
        public JpaStorageSettings storageSettings() {
            JpaStorageSettings settings = new JpaStorageSettings();
            // the test loads stays whose references point at resources in other transactions
            settings.setAutoCreatePlaceholderReferenceTargets(false);
            settings.setEnforceReferentialIntegrityOnWrite(false);
            // run Batch2 steps as soon as the previous one ends, not on the next one-minute maintenance pass
            settings.setJobFastTrackingEnabled(true);
            settings.setEnableTaskBulkExportJobExecution(true);
            settings.setEnableBulkExportJobReuse(false);
            return settings;
        }

        @Bean
        public PartitionSettings partitionSettings() {
            return new PartitionSettings();
        }

        @Bean
        public SubscriptionSettings subscriptionSettings() {
            return new SubscriptionSettings();
        }

        @Bean
        public LocalContainerEntityManagerFactoryBean entityManagerFactory(
                ConfigurableListableBeanFactory beans,
                FhirContext fhir,
                JpaStorageSettings settings,
                DataSource dataSource) {
            LocalContainerEntityManagerFactoryBean factory =
                    HapiEntityManagerFactoryUtil.newEntityManagerFactory(beans, fhir, settings);
            factory.setPersistenceUnitName("HAPI_PU");
            factory.setDataSource(dataSource);
            Properties jpa = new Properties();
            jpa.put("hibernate.dialect", HapiFhirH2Dialect.class.getName());
            jpa.put("hibernate.hbm2ddl.auto", "update");
            jpa.put("hibernate.search.enabled", "false");
            jpa.put("hibernate.format_sql", "false");
            jpa.put("hibernate.show_sql", "false");
            factory.setJpaProperties(jpa);
            return factory;
        }

        @Bean
        public JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
            return new JpaTransactionManager(entityManagerFactory);
        }

        @Bean
        public IBinaryStorageSvc binaryStorageSvc() {
            return new DatabaseBinaryContentStorageSvcImpl();
        }

        @Bean
        public RestfulServer restfulServer(
                IFhirSystemDao<?, ?> systemDao,
                ResourceProviderFactory resourceProviders,
                JpaSystemProvider<?, ?> systemProvider,
                DatabaseBackedPagingProvider pagingProvider,
                BulkDataExportProvider bulkExport) {
            RestfulServer server = new RestfulServer(systemDao.getContext());
            server.registerProviders(resourceProviders.createProviders());
            server.registerProvider(systemProvider);
            server.registerProvider(bulkExport);
            server.setPagingProvider(pagingProvider);
            return server;
        }
    }
}
