package org.casetimeline.api.config;

import java.time.Duration;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.casetimeline.api.cases.CommittedCaseCache;
import org.casetimeline.core.facility.Facility;
import org.casetimeline.core.prisonercase.PrisonerCase;
import org.casetimeline.projections.casefile.CaseHistory;
import org.casetimeline.projections.recording.CaseEventStorageEngine;
import org.casetimeline.projections.recording.StoreFailures;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Registers the domain's aggregates with Axon (case-core carries no Spring annotations), makes projections
 * retry a failed event rather than skip it, and carries the caller's name from each command's metadata into
 * the metadata of every event it applies.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Metadata key naming the authenticated user who recorded an event. */
    public static final String RECORDED_BY = CaseHistory.RECORDED_BY;


    /**
     * Keeps up to {@code case-timeline.cached-cases} cases as their last committed transaction left them, so an
     * append does not replay a long case; see {@link CommittedCaseCache} for why it can never hand out other state.
     */
    @Bean
    CommittedCaseCache committedCaseCache(@Value("${case-timeline.cached-cases:1000}") int capacity) {
        return new CommittedCaseCache(capacity);
    }

    @Bean
    ConfigurerModule aggregates(CommittedCaseCache cases) {
        return configurer -> {
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(PrisonerCase.class)
                            .configureCache(c -> cases))
                    .configureAggregate(Facility.class);
            // a projection that fails on an event (the database gone, say) must stop and retry that event, not
            // log it and move on: Axon's default would leave the read model silently without it
            configurer.eventProcessing().registerDefaultListenerInvocationErrorHandler(
                    configuration -> PropagatingErrorHandler.instance());
        };
    }

    /**
     * PostgreSQL reports a second event at a case's sequence number as unique violation 23505 (Axon's default
     * resolver looks for a JDBC exception class PostgreSQL's driver does not throw). Read so, it becomes Axon's
     * ConcurrencyException: a concurrent append, retried or answered 412, never a storage failure.
     */
    @Bean
    PersistenceExceptionResolver duplicateSequenceIsAConcurrentAppend() {
        return StoreFailures::duplicateKey;
    }

    /**
     * Axon's own auto-configuration of this bean orders itself after a Boot 3 class that Boot 4 moved, finds no
     * transaction manager yet and falls back to none: every projection statement then committed on its own, apart
     * from the tracking token, and a reader could see a case's new status before its new findings. With Spring's
     * transactions, a processor's batch (its rows and its token) commits as one.
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /**
     * Axon's event store as its auto-configuration builds it, but looking for new events every 50 ms
     * ({@code case-timeline.event-poll}) instead of every second when it has none. Its wake-up on a local append fires when Axon's unit of work ends, which is before
     * our surrounding transaction commits (the idempotency ledger and the hash chain commit with the event), so it
     * looked too early and waited a full second: that second was the projection lag of a quiet service. Defining
     * the store means defining its JDBC engine too (Axon's backs off then), built as Axon builds it, reading each
     * event's timestamp once ({@link CaseEventStorageEngine}).
     * A processor stops waiting for an event not yet committed once {@code maxGapOffset} later events are stored
     * (Axon's default 10,000): an import batch of corrections holds two positions a line open until it commits, and
     * batches store one at a time ({@code EventChain#lockForBulkAppend}), so twice a batch's events, with room for the
     * appends committed meanwhile, keeps every batch's events for the projections.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver exceptions, ConnectionProvider connections,
                                          TransactionManager transactions, org.axonframework.config.Configuration axon,
                                          @Value("${case-timeline.imports.max-lines:5000}") long importLines) {
        // at most 60,000: the processors' read binds one parameter a gap, and the driver takes 65,535
        int maxGapOffset = Math.toIntExact(Math.min(60_000L, Math.max(10_000L, 4 * importLines)));
        return new CaseEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(exceptions)
                .eventSerializer(eventSerializer)
                // no snapshots are taken (V117 keeps the service from writing any): a row found there, written before
                // or by another hand, must not stand in for a case's state, which its events alone give
                .snapshotFilter(SnapshotFilter.rejectAll())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(new EventSchema()), maxGapOffset);
    }

    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon,
                                  @Value("${case-timeline.event-poll:PT0.05S}") Duration poll) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .fetchDelay(poll.toMillis())
                .build();
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
