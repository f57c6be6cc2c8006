package org.casetimeline.api.config;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's message monitors with their meters registered once a component. Axon's own (axon-micrometer, switched off by
 * {@code axon.metrics.auto-configuration.enabled=false}) look each meter up in the registry by name for every message:
 * in profiles of an import and rebuild that took 13 to 16% of the service's CPU, more than the compliance checks
 * (docs/scaling.md). The meters keep Axon's names, so what an operator reads stays where it was: per command bus, event
 * bus and event processor {@code <name>.ingestedCounter}, {@code .successCounter}, {@code .failureCounter},
 * {@code .ignoredCounter} and {@code .processedCounter}, the timers {@code .allTimer}, {@code .successTimer},
 * {@code .failureTimer} and {@code .ignoredTimer} (count, total and maximum, without Axon's client-side percentiles),
 * and for an event processor {@code .latency}, how old the last event it took in was, in milliseconds. Axon's
 * {@code .capacity} gauge is not kept.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMeters {

    @Bean
    ConfigurerModule axonMessageMonitors(MeterRegistry registry) {
        return configurer -> configurer.configureMessageMonitor(configuration -> (componentType, componentName) ->
                new ComponentMonitor(registry, componentName, EventProcessor.class.isAssignableFrom(componentType)));
    }

    /** One component's meters, looked up once; each message only counts and times. */
    static final class ComponentMonitor implements MessageMonitor<Message<?>> {

        private final Counter ingested;
        private final Counter succeeded;
        private final Counter failed;
        private final Counter ignored;
        private final Counter processed;
        private final Timer all;
        private final Timer success;
        private final Timer failure;
        private final Timer ignore;
        private final AtomicLong latency;

        ComponentMonitor(MeterRegistry registry, String name, boolean eventProcessor) {
            ingested = registry.counter(name + ".ingestedCounter");
            succeeded = registry.counter(name + ".successCounter");
            failed = registry.counter(name + ".failureCounter");
            ignored = registry.counter(name + ".ignoredCounter");
            processed = registry.counter(name + ".processedCounter");
            all = registry.timer(name + ".allTimer");
            success = registry.timer(name + ".successTimer");
            failure = registry.timer(name + ".failureTimer");
            ignore = registry.timer(name + ".ignoredTimer");
            latency = eventProcessor ? new AtomicLong() : null;
            if (latency != null) {
                Gauge.builder(name + ".latency", latency, AtomicLong::get).baseUnit("milliseconds").register(registry);
            }
        }

        @Override
        public MonitorCallback onMessageIngested(Message<?> message) {
            ingested.increment();
            if (latency != null && message instanceof EventMessage<?> event) {
                latency.set(Math.max(0, System.currentTimeMillis() - event.getTimestamp().toEpochMilli()));
            }
            long start = System.nanoTime();
            return new MonitorCallback() {
                @Override
                public void reportSuccess() {
                    ended(succeeded, success);
                }

                @Override
                public void reportFailure(Throwable cause) {
                    ended(failed, failure);
                }

                @Override
                public void reportIgnored() {
                    ended(ignored, ignore);
                }

                private void ended(Counter outcome, Timer outcomeTimer) {
                    long took = System.nanoTime() - start;
                    outcome.increment();
                    processed.increment();
                    outcomeTimer.record(took, TimeUnit.NANOSECONDS);
                    all.record(took, TimeUnit.NANOSECONDS);
                }
            };
        }
    }
}
