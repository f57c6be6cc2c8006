package org.casetimeline.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.EmbeddedServiceTest;
import org.casetimeline.api.support.Projections;
import org.casetimeline.api.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Every read model can be dropped and rebuilt by replay: a checksum of each projection table, taken over all
 * its rows and columns, is the same before a full rebuild of every projection and after it. The tables are read
 * from the schema, so a new read model is checked without anyone adding it here.
 */
@EmbeddedServiceTest
class ReplayEquivalenceIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void givenLiveReadModels_whenEveryProjectionIsRebuilt_thenEachTablesChecksumIsUnchanged() throws SQLException {
        ApiClient api = new ApiClient(port);
        String caseId = recordACaseWithMovesAndFactsAtEveryClearance(api);
        Projections.awaitCaughtUp(api, jdbc); // with every event of every test before this one, not just this case's
        Map<String, String> before = checksums();
        assertThat(before).containsKeys("case_status", "case_finding", "facility_stay", "facility_view");
        assertThat(jdbc.sql("SELECT count(*) FROM case_finding WHERE case_id = :id").param("id", UUID.fromString(caseId))
                .query(Long.class).single()).as("the case has findings to rebuild").isPositive();

        for (JsonNode projection : api.get("admin", "/api/v1/admin/projections").json()) {
            assertThat(api.post("admin", "/api/v1/admin/projections/" + projection.get("name").asString() + "/replay", "")
                    .status()).isEqualTo(202);
        }
        Projections.awaitCaughtUp(api, jdbc); // again, after the rebuild

        assertThat(checksums()).isEqualTo(before);
    }

    private String recordACaseWithMovesAndFactsAtEveryClearance(ApiClient api) {
        UUID arkalyk = UUID.fromString(api.post("monitor", "/api/v1/facilities",
                Requests.facility("Arkalyk", "UK 161/12", 50.25, 66.92)).json().get("caseId").asString());
        UUID karagandy = UUID.fromString(api.post("monitor", "/api/v1/facilities",
                Requests.facility("Karagandy", "SIZO", 49.8, 73.1)).json().get("caseId").asString());
        String caseId = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        String events = "/api/v1/cases/" + caseId + "/events";
        for (String fact : List.of(
                Requests.fact("AdmittedToFacility", "2012-11", "public", "{\"facilityId\": \"" + arkalyk + "\"}"),
                Requests.transfer(arkalyk, karagandy, "2013-10-05"),
                Requests.fact("SolitaryConfinementEnded", "2013-10-05", "restricted", "{\"reason\": \"moved\"}"),
                Requests.fact("AssistiveDeviceDenied", "2014", "confidential", "{\"device\": \"walking cane\"}"),
                Requests.fact("HungerStrikeStarted", "2014-01-01", "public", "{\"demands\": \"a fair retrial\"}"))) {
            assertThat(api.post("monitor", events, fact).status()).isEqualTo(201);
        }
        return caseId;
    }

    private Map<String, String> checksums() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            return StoreAudit.readModelChecksums(db);
        }
    }
}
