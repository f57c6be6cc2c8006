package org.casetimeline.api.audit;

import java.time.Clock;

import javax.sql.DataSource;

import org.casetimeline.projections.audit.ChainVerifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The verifier is plain JDBC, shared with the command-line verify; here it gets the service's pool. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    ChainVerifier chainVerifier(DataSource dataSource, Clock clock) {
        return new ChainVerifier(dataSource, clock);
    }
}
