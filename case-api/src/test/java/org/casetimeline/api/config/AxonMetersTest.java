package org.casetimeline.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

class AxonMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void givenMessagesHandled_whenCounted_thenEachOutcomeUnderAxonsNames() {
        AxonMeters.ComponentMonitor monitor = new AxonMeters.ComponentMonitor(registry, "commandBus", false);

        monitor.onMessageIngested(new GenericMessage<>("a")).reportSuccess();
        monitor.onMessageIngested(new GenericMessage<>("b")).reportSuccess();
        monitor.onMessageIngested(new GenericMessage<>("c")).reportFailure(new IllegalStateException());
        monitor.onMessageIngested(new GenericMessage<>("d")).reportIgnored();
        monitor.onMessageIngested(new GenericMessage<>("e")); // still being handled

        assertThat(registry.counter("commandBus.ingestedCounter").count()).isEqualTo(5);
        assertThat(registry.counter("commandBus.successCounter").count()).isEqualTo(2);
        assertThat(registry.counter("commandBus.failureCounter").count()).isEqualTo(1);
        assertThat(registry.counter("commandBus.ignoredCounter").count()).isEqualTo(1);
        assertThat(registry.counter("commandBus.processedCounter").count()).isEqualTo(4);
        assertThat(registry.timer("commandBus.allTimer").count()).isEqualTo(4);
        assertThat(registry.timer("commandBus.successTimer").count()).isEqualTo(2);
        assertThat(registry.timer("commandBus.failureTimer").count()).isEqualTo(1);
        assertThat(registry.find("commandBus.latency").gauge()).as("a bus has no latency").isNull();
    }

    @Test
    void givenAnEventProcessor_whenItTakesInAnEventAnHourOld_thenItsLatencyIsAnHour() {
        MessageMonitor<org.axonframework.messaging.Message<?>> monitor =
                new AxonMeters.ComponentMonitor(registry, "case-status", true);

        monitor.onMessageIngested(new GenericEventMessage<>("id", "payload", MetaData.emptyInstance(),
                Instant.now().minusSeconds(3_600))).reportSuccess();

        assertThat(registry.get("case-status.latency").gauge().value()).isBetween(3_600_000.0, 3_660_000.0);
    }
}
