package org.casetimeline.api.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged service (target/case-api.jar) as its own process, against a database the test owns, so that it
 * can be killed with SIGKILL mid-request like a crashed or evicted node, and started again.
 */
final class ServiceProcess implements AutoCloseable {

    static final Path JAR = Path.of("target/case-api.jar");

    private final String name;
    private final String jdbcUrl;
    private final Path log;
    private final int port;
    private Process process;

    ServiceProcess(String name, String jdbcUrl, Path logDirectory) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the integration tests with verify");
        }
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.log = logDirectory.resolve(name + ".log");
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the service and waits until it answers healthy. */
    ServiceProcess start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-jar", JAR.toString(),
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--case-timeline.demo-data=false", "--logging.level.root=WARN",
                // evaluated as of one instant, so a later rebuild can be compared row for row
                "--case-timeline.fixed-clock=2026-06-01T00:00:00Z",
                "--axon.axonserver.enabled=false"));
        String[][] users = {{"monitor", "MONITOR", "RESTRICTED"}, {"auditor", "AUDITOR", "RESTRICTED"}, {"admin", "ADMIN", "CONFIDENTIAL"}};
        for (int i = 0; i < users.length; i++) {
            command.add("--case-timeline.security.users[" + i + "].name=" + users[i][0]);
            command.add("--case-timeline.security.users[" + i + "].password={noop}" + users[i][0]);
            command.add("--case-timeline.security.users[" + i + "].roles=" + users[i][1]);
            command.add("--case-timeline.security.users[" + i + "].clearance=" + users[i][2]);
        }
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitHealthy(Duration.ofSeconds(120));
        return this;
    }

    private void awaitHealthy(Duration patience) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not become healthy; see " + log.toAbsolutePath());
    }

    /** SIGKILL: no shutdown hook runs, no transaction is finished, open connections just break. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
