package org.casetimeline.api.support;

import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Waits on the service's projections as an operator sees them ({@code /api/v1/admin/projections}). */
public final class Projections {

    private Projections() {
    }

    /**
     * Every projection runs and has handled the last stored event: every test's events before this call, not only the
     * caller's case, so that whole-table snapshots and counters taken next are not moved by another case's refresh.
     */
    public static void awaitCaughtUp(ApiClient api, JdbcClient jdbc) {
        long head = jdbc.sql("SELECT coalesce(max(globalIndex), -1) FROM domainevententry").query(Long.class).single();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!caughtUp(api, head)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the projections did not handle event " + head + " within 120 s: "
                        + api.get("admin", "/api/v1/admin/projections").body());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static boolean caughtUp(ApiClient api, long head) {
        for (JsonNode projection : api.get("admin", "/api/v1/admin/projections").json()) {
            if (!projection.get("running").asBoolean() || projection.get("position").asLong() < head) {
                return false;
            }
        }
        return true;
    }
}
