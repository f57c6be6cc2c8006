package org.casetimeline.api.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.casetimeline.api.embedded.EmbeddedPostgresConfiguration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A PostgreSQL cluster the test owns, so it can kill it with SIGKILL and start it again on the same data. */
final class TestPostgres implements AutoCloseable {

    private final Path directory;
    private final int port;
    private EmbeddedPostgres running;

    TestPostgres(Path directory) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        start();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** Starts on the same data and port; right after a kill, orphaned backends may hold it for a moment. */
    void start() throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                running = EmbeddedPostgresConfiguration.cluster(directory).setPort(port).start();
                return;
            } catch (IOException | RuntimeException e) {
                if (attempt == 20) {
                    throw e;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException(interrupted);
                }
            }
        }
    }

    /** SIGKILL to the postmaster, as a crash or an OOM killer would; its backends notice and exit. */
    void kill() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        postmaster.destroyForcibly();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (postmaster.isAlive()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("PostgreSQL did not die");
            }
            Thread.sleep(100);
        }
        // its pg_ctl stop fails on the dead server (and says so in the log); what matters is the data directory's lock
        running.close();
        running = null;
    }

    @Override
    public void close() throws IOException {
        if (running != null) {
            running.close();
        }
    }
}
