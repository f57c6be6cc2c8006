package org.casetimeline.api.config;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.casetimeline.api.imports.BatchAggregateCache;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.casetimeline.core.facility.Facility;
import org.casetimeline.core.prisonercase.PrisonerCase;
import org.casetimeline.projections.casefile.CaseHistory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the domain's aggregates with Axon (case-core carries no Spring annotations) and carries the
 * caller's name from each command's metadata into the metadata of every event it applies.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Metadata key naming the authenticated user who recorded an event. */
    public static final String RECORDED_BY = CaseHistory.RECORDED_BY;

    /** Holds a case between the lines of one import batch only; see {@link BatchAggregateCache}. */
    @Bean
    BatchAggregateCache batchAggregateCache() {
        return new BatchAggregateCache();
    }

    @Bean
    ConfigurerModule aggregates(BatchAggregateCache batchCache) {
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(PrisonerCase.class)
                        .configureCache(c -> batchCache))
                .configureAggregate(Facility.class);
    }

    @Bean
    CorrelationDataProvider recordedBy() {
        return new SimpleCorrelationDataProvider(RECORDED_BY);
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }
}
