package org.casetimeline.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.Await;
import org.casetimeline.api.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import tools.jackson.databind.JsonNode;

/**
 * A rebuild that cannot start leaves the projection running as it was. Its own service: the test hands the
 * projection's segments to a node that does not exist.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "case-timeline.data-dir=target/it-data/${random.uuid}", "case-timeline.demo-data=false",
        "server.address=127.0.0.1", "case-timeline.test-context=projection-admin"})
class ProjectionAdminIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void releaseTheClaims() {
        jdbc.sql("UPDATE tokenentry SET owner = NULL WHERE owner = 'a node that is gone'").update();
    }

    /**
     * Another node holds the projection's segments (its claim is fresh), so the reset is refused. The answer is a 409
     * problem naming why, and the projection on this node runs on from its own position rather than standing still
     * until somebody notices: a facility registered afterwards still reaches its read model once the claim lapses.
     */
    @Test
    void givenTheSegmentsClaimedByAnotherNode_whenARebuildIsRequested_thenItIsRefusedAndTheProjectionKeepsRunning() {
        ApiClient api = new ApiClient(port);
        Await.until("this node to claim the projection's segments", Duration.ofSeconds(60), () -> jdbc.sql(
                "SELECT count(*) FROM tokenentry WHERE processorName = 'facilities' AND owner IS NOT NULL").query(Long.class).single() > 0);
        jdbc.sql("UPDATE tokenentry SET owner = 'a node that is gone', timestamp = :fresh WHERE processorName = 'facilities'")
                .param("fresh", Instant.now().plus(Duration.ofMinutes(1)).toString()).update();

        ApiClient.Response refused = api.post("admin", "/api/v1/admin/projections/facilities/replay", "");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("title").asString()).isEqualTo("Claimed by another node");
        assertThat(facilities(api).get("running").asBoolean()).as("the projection is running after the refusal").isTrue();
        releaseTheClaims();
        api.post("monitor", "/api/v1/facilities", Requests.facility("Arkalyk", "UK 161/12", 50.25, 66.91));
        Await.until("the facility to reach the read model", Duration.ofSeconds(60), () -> jdbc.sql("SELECT count(*) FROM facility_view")
                .query(Long.class).single() == 1);
    }

    private static JsonNode facilities(ApiClient api) {
        for (JsonNode projection : api.get("admin", "/api/v1/admin/projections").json()) {
            if (projection.get("name").asString().equals("facilities")) {
                return projection;
            }
        }
        throw new AssertionError("no facilities projection");
    }
}
