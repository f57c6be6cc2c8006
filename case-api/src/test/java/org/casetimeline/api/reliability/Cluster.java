package org.casetimeline.api.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.casetimeline.api.support.Requests;

/** What the process-level reliability tests share: a fresh directory, cases to append to, and patience. */
final class Cluster {

    static final int REPETITIONS = Integer.getInteger("reliability.repetitions", 1);

    private Cluster() {
    }

    static Path freshDirectory(String name) throws java.io.IOException {
        return Files.createDirectories(Path.of("target", "it-data", name + "-" + UUID.randomUUID()));
    }

    static List<String> registerCases(String base, int count) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases"))
                    .header("Content-Type", "application/json").header("Authorization", basic("monitor"))
                    .POST(HttpRequest.BodyPublishers.ofString(Requests.atabek())).build(), HttpResponse.BodyHandlers.ofString());
            if (registered.statusCode() != 201) {
                throw new IllegalStateException(registered.statusCode() + " " + registered.body());
            }
            cases.add(registered.body().replaceAll(".*\"caseId\":\"([^\"]+)\".*", "$1"));
        }
        return cases;
    }

    static String post(String base, String user, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic(user)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() + "";
    }

    static String get(String base, String user, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic(user)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static void await(String what, Duration patience, Check check) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        while (!check.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(250);
        }
    }

    static void awaitProjected(String jdbcUrl, List<String> cases) throws Exception {
        await("the status projection to handle every event", Duration.ofSeconds(120),
                () -> StoreAudit.projected(jdbcUrl, cases));
    }
}
