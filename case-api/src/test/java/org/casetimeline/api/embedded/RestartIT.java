package org.casetimeline.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import org.casetimeline.api.CaseTimelineApplication;
import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * The embedded default keeps its data in a folder: a stopped and restarted service still has every event, and
 * its projections resume from their stored tokens, replay tokens included.
 */
class RestartIT {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CaseTimelineApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1", "--case-timeline.demo-data=false",
                "--case-timeline.data-dir=" + dataDir);
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void givenRecordedFacts_whenTheServiceRestarts_thenEveryEventIsStillThere() {
        String caseId;
        String before;
        try (ConfigurableApplicationContext first = start()) {
            ApiClient api = client(first);
            UUID prison = UUID.fromString(api.post("monitor", "/api/v1/facilities",
                    Requests.facility("Pavlodar", "AP-162/1", 52.29, 76.95)).json().get("caseId").asString());
            caseId = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
            assertThat(api.post("monitor", "/api/v1/cases/" + caseId + "/events",
                    Requests.transfer(prison, prison, "2014-03")).status()).isEqualTo(201);
            before = api.get("auditor", "/api/v1/cases/" + caseId + "/events").body();
            assertThat(api.post("admin", "/api/v1/admin/projections/case-status/replay", "").status()).isEqualTo(202);
        }
        try (ConfigurableApplicationContext second = start()) {
            JsonNode after = client(second).get("auditor", "/api/v1/cases/" + caseId + "/events").json();
            assertThat(after).hasSize(2);
            assertThat(after.toString()).isEqualTo(new tools.jackson.databind.json.JsonMapper().readTree(before).toString());
            assertThat(client(second).get("admin", "/api/v1/admin/projections").json())
                    .as("a processor stopped mid-replay resumes from its stored replay token after a restart")
                    .allSatisfy(projection -> assertThat(projection.get("running").asBoolean()).isTrue());
        }
    }
}
