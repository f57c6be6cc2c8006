package org.casetimeline.api.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server clock, as a bean so that tests can fix it; nothing else reads the time. Findings that depend on
 * the time ("held for 90 days") are evaluated as of now, so two evaluations at different moments differ; for
 * runs that must be reproducible (the multi-node tests, benchmarks, training copies) {@code
 * case-timeline.fixed-clock} stops the clock at the instant it names. Never set it on a live service.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${case-timeline.fixed-clock:}") String fixed) {
        return fixed.isBlank() ? Clock.systemUTC() : Clock.fixed(Instant.parse(fixed), ZoneOffset.UTC);
    }
}
