package org.casetimeline.api.support;

import java.time.Duration;

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
        try {
            Await.until("the projections to handle event " + head, Duration.ofSeconds(120), () -> caughtUp(api, head));
        } catch (AssertionError notCaughtUp) {
            throw new AssertionError(notCaughtUp.getMessage() + ": " + api.get("admin", "/api/v1/admin/projections").body(),
                    notCaughtUp);
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
