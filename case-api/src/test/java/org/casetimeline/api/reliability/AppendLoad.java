package org.casetimeline.api.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casetimeline.api.support.Requests;

/**
 * Appends at a constant rate, scheduled from the intended send time rather than from the last answer, each with
 * its own Idempotency-Key, spread over cases and over the nodes given. It remembers what was acknowledged and
 * what was not, and retries the latter with the same key, as a careful client does after a crash.
 */
final class AppendLoad {

    record Attempt(String key, String caseId, String body) {
    }

    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> cases;
    private volatile List<String> nodes;
    private final Map<String, Attempt> sent = new ConcurrentHashMap<>();
    /** Idempotency-Key to the event id the service acknowledged. */
    final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
    final AtomicInteger failedConnections = new AtomicInteger();
    /** Requests sent again with their key because no answer came. */
    int retried;
    final List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sequence = new AtomicInteger();
    private ScheduledExecutorService clock;

    AppendLoad(List<String> nodes, List<String> cases) {
        this.nodes = List.copyOf(nodes);
        this.cases = List.copyOf(cases);
    }

    void useNodes(List<String> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    void start(int perSecond) {
        clock = Executors.newSingleThreadScheduledExecutor();
        clock.scheduleAtFixedRate(this::sendOne, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
    }

    /** Stops sending and waits for the answers (or failures) of what is still in flight. */
    void stop() throws InterruptedException {
        clock.shutdownNow();
        clock.awaitTermination(5, TimeUnit.SECONDS);
        for (CompletableFuture<?> request : List.copyOf(inFlight)) {
            try {
                request.get(60, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // counted where it completed
            }
        }
    }

    int sent() {
        return sent.size();
    }

    Set<String> unacknowledged() {
        Set<String> keys = new java.util.HashSet<>(sent.keySet());
        keys.removeAll(acknowledged.keySet());
        return keys;
    }

    /** Sends every unacknowledged request again, with its key, until each is acknowledged. */
    int retryUnacknowledged() throws InterruptedException {
        Set<String> pending = unacknowledged();
        retried += pending.size();
        for (String key : pending) {
            Attempt attempt = sent.get(key);
            for (int tries = 1; !acknowledged.containsKey(key); tries++) {
                if (tries > 40) {
                    throw new IllegalStateException("request " + key + " was never acknowledged");
                }
                try {
                    handle(attempt, http.send(request(nodes.get(tries % nodes.size()), attempt),
                            HttpResponse.BodyHandlers.ofString()));
                } catch (java.io.IOException e) {
                    failedConnections.incrementAndGet();
                }
                if (!acknowledged.containsKey(key)) {
                    Thread.sleep(250);
                }
            }
        }
        return pending.size();
    }

    private void sendOne() {
        int n = sequence.incrementAndGet();
        String key = "load-" + UUID.randomUUID();
        String caseId = cases.get(n % cases.size());
        // the key in the text makes each stored event traceable to its request
        Attempt attempt = new Attempt(key, caseId, Requests.fact("HungerStrikeStarted", "2014-01-01", "public",
                "{\"demands\": \"" + key + "\"}"));
        sent.put(key, attempt);
        List<String> targets = nodes;
        CompletableFuture<?> request = http.sendAsync(request(targets.get(n % targets.size()), attempt),
                        HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        failedConnections.incrementAndGet();
                    } else {
                        handle(attempt, response);
                    }
                    return null;
                });
        inFlight.add(request);
        request.whenComplete((ignored, failure) -> inFlight.remove(request));
    }

    private void handle(Attempt attempt, HttpResponse<String> response) {
        answers.computeIfAbsent(response.statusCode(), status -> new AtomicInteger()).incrementAndGet();
        if (response.statusCode() == 201) {
            Matcher eventId = EVENT_ID.matcher(response.body());
            if (eventId.find()) {
                acknowledged.put(attempt.key(), eventId.group(1));
            }
        } else if (response.statusCode() == 503) {
            boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            if (!problem || response.headers().firstValue("Retry-After").isEmpty()) {
                unexpected.add("503 without a problem document and Retry-After: " + response.body());
            }
        } else {
            unexpected.add(response.statusCode() + " " + response.body());
        }
    }

    private static HttpRequest request(String base, Attempt attempt) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + attempt.caseId() + "/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", attempt.key())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("monitor:monitor".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(attempt.body())).build();
    }
}
