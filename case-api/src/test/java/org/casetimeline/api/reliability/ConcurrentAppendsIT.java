package org.casetimeline.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.EmbeddedServiceTest;
import org.casetimeline.api.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Sixteen monitors append to one case at once, each naming the version it last saw in If-Match. Whoever loses
 * a race is told so with a 412 problem document naming the current version, never a 500; the case's sequence
 * stays contiguous and every acknowledged fact is stored exactly once.
 */
@EmbeddedServiceTest
class ConcurrentAppendsIT {

    static final int CLIENTS = 16;
    static final int FACTS_EACH = 5;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void givenSixteenClientsOnOneCase_whenEachAppendsWithIfMatch_thenSequencesAreContiguousAndRefusalsAre412() throws Exception {
        ApiClient api = new ApiClient(port);
        String caseId = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        List<String> wrong = new ArrayList<>();

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int number = client;
            clients.add(pool.submit(() -> {
                long seen = 0;
                int stored = 0;
                while (stored < FACTS_EACH) {
                    ApiClient.Response response = api.post("monitor", "/api/v1/cases/" + caseId + "/events",
                            Requests.fact("HungerStrikeStarted", "2014-01-01", "public",
                                    "{\"demands\": \"client " + number + " fact " + stored + "\"}"),
                            Map.of("If-Match", "\"" + seen + "\""));
                    if (response.status() == 201) {
                        seen = response.json().get("sequence").asLong();
                        acknowledged.put(response.json().get("eventId").asString(), seen);
                        stored++;
                    } else if (response.status() == 412 && response.header("Content-Type").startsWith("application/problem+json")) {
                        refused.incrementAndGet();
                        seen = response.json().get("currentVersion").asLong();
                    } else {
                        synchronized (wrong) {
                            wrong.add(response.status() + " " + response.body());
                        }
                        return;
                    }
                }
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();

        assertThat(wrong).isEmpty();
        assertThat(acknowledged).hasSize(CLIENTS * FACTS_EACH);
        assertThat(refused.get()).as("the clients did race").isPositive();
        List<Long> sequences = jdbc.sql("SELECT sequenceNumber FROM domainevententry WHERE aggregateIdentifier = :id"
                + " ORDER BY sequenceNumber").param("id", caseId).query(Long.class).list();
        assertThat(sequences).hasSize(CLIENTS * FACTS_EACH + 1);
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(i);
        }
        JsonNode history = api.get("auditor", "/api/v1/cases/" + caseId + "/events").json();
        Map<String, Long> stored = new ConcurrentHashMap<>();
        history.forEach(event -> stored.put(event.get("eventId").asString(), event.get("sequence").asLong()));
        acknowledged.forEach((eventId, sequence) -> assertThat(stored.get(eventId)).as(eventId).isEqualTo(sequence));
    }
}
