package org.mhtrigger.review.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the audit chain: the deployment's key ({@link AuditKey#forDatabase}: {@code mhtrigger.audit.key-file}, else
 * next to an H2 database) and, on start, the sealing of rows written before the chain existed.
 */
@Configuration
class AuditChainSetup {
    private static final Logger LOG = LoggerFactory.getLogger(AuditChainSetup.class);

    @Bean
    AuditKey auditKey(
            @Value("${spring.datasource.url:jdbc:h2:mem:}") String url,
            @Value("${mhtrigger.audit.key-file:}") String keyFile) {
        return AuditKey.forDatabase(url, keyFile);
    }

    @Bean
    ApplicationRunner sealRowsFromBeforeTheChain(AuditTrail audit) {
        return args -> {
            int sealed = audit.sealRowsFromBeforeTheChain();
            if (sealed > 0) {
                LOG.info("audit chain: sealed {} rows written before the chain existed", sealed);
            }
        };
    }
}
