package org.casetimeline.api.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.EmbeddedServiceTest;
import org.casetimeline.api.support.Requests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Exports a campaigner can use, each at the reader's clearance, and the trail of who read what. */
@EmbeddedServiceTest
class ExportsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    String caseId;

    @BeforeEach
    void recordACase() {
        api = new ApiClient(port);
        UUID pavlodar = UUID.fromString(api.post("monitor", "/api/v1/facilities",
                Requests.facility("Pavlodar prison", "AP-162/1", 52.29, 76.97)).json().get("caseId").asString());
        UUID arkalyk = UUID.fromString(api.post("monitor", "/api/v1/facilities",
                Requests.facility("Arkalyk prison", "UK 161/12", 50.25, 66.91)).json().get("caseId").asString());
        caseId = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        String events = "/api/v1/cases/" + caseId + "/events";
        api.post("monitor", events, Requests.transfer(arkalyk, pavlodar, "2014-03"));
        api.post("monitor", events, Requests.fact("AssistiveDeviceDenied", "2014", "public",
                "{\"device\": \"walking cane <script>alert(1)</script>\", \"deniedBy\": \"=HYPERLINK(evil)\"}"));
        api.post("monitor", events, Requests.fact("MedicalConditionReported", "2014", "restricted",
                "{\"condition\": \"spine injury from a 2006 police assault\"}"));
        api.post("admin", events, Requests.fact("FamilyContactOccurred", "2014-05", "confidential",
                "{\"channel\": \"LETTER\"}"));
    }

    @Test
    void givenACase_whenItsChronologyIsExported_thenItReadsAsALetterAndShowsOnlyWhatTheReaderMaySee() {
        String chronology = "/api/v1/cases/" + caseId + "/chronology";
        String viewer = api.get("viewer", chronology).body();
        String auditor = api.get("auditor", chronology).body();
        String admin = api.get("admin", chronology).body();
        String head = jdbc.sql("SELECT sequenceNumber || ':' || link FROM event_chain WHERE aggregateIdentifier = :id"
                + " ORDER BY sequenceNumber DESC LIMIT 1").param("id", caseId).query(String.class).single();

        assertThat(viewer).startsWith("# Aron Atabek / Арон Атабек").contains("## Chronology", "PersonTransferred",
                "PEN International", "MR5-ACCOMMODATION", "2014-03").doesNotContain("spine", "FamilyContactOccurred");
        assertThat(auditor).contains("spine").doesNotContain("FamilyContactOccurred");
        assertThat(admin).contains("spine", "FamilyContactOccurred", "up to chain link " + head + ".");
        // a reader below the last fact's level is cited the link of the last event the document was built from
        JsonNode seen = api.get("auditor", "/api/v1/cases/" + caseId + "/events").json();
        long lastSeen = seen.get(seen.size() - 1).get("sequence").asLong();
        String link = jdbc.sql("SELECT sequenceNumber || ':' || link FROM event_chain WHERE aggregateIdentifier = :id"
                + " AND sequenceNumber = :seq").param("id", caseId).param("seq", lastSeen).query(String.class).single();
        assertThat(auditor).contains("up to chain link " + link + ".");

        String html = api.get("viewer", chronology + "?format=html").body();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h2>Chronology</h2>", "&lt;script&gt;")
                .doesNotContain("<script>");
        assertThat(api.get("viewer", chronology + "?format=pdf").status()).isEqualTo(400);
    }

    @Test
    void givenCasesAndFindings_whenExportedAsCsvAndNdjson_thenEachRowIsThereAtTheReadersClearance() {
        awaitStatus();
        String statuses = api.get("viewer", "/api/v1/exports/statuses").body();
        assertThat(statuses.lines().findFirst().orElseThrow()).startsWith("caseId,names,custodyState");
        assertThat(statuses).contains(caseId + ",Aron Atabek / Арон Атабек,");
        assertThat(api.get("viewer", "/api/v1/exports/statuses?format=ndjson").body().lines()
                .filter(line -> line.contains(caseId))).singleElement().satisfies(line -> assertThat(line).startsWith("{"));

        String flags = api.get("viewer", "/api/v1/exports/flags?state=open").body();
        assertThat(flags.lines().findFirst().orElseThrow()).startsWith("caseId,ruleId,ruleNumbers");
        assertThat(flags).contains(caseId + ",MR5-ACCOMMODATION,");

        String events = api.get("auditor", "/api/v1/exports/events?caseId=" + caseId).body();
        assertThat(events).contains("AssistiveDeviceDenied", "spine").doesNotContain(",=HYPERLINK", "FamilyContactOccurred");
        assertThat(api.get("admin", "/api/v1/exports/events?caseId=" + caseId + "&format=ndjson").body())
                .contains("FamilyContactOccurred");
        assertThat(api.get("viewer", "/api/v1/exports/events?caseId=" + caseId).status()).isEqualTo(403);
    }

    @Test
    void givenReadsAtEachClearance_whenTheTrailIsRead_thenOnlyReadsAbovePublicAreThereWithWhoAndWhat() {
        api.get("viewer", "/api/v1/cases/" + caseId + "/timeline");
        api.get("auditor", "/api/v1/cases/" + caseId + "/timeline");
        api.get("admin", "/api/v1/cases/" + caseId + "/chronology");

        // recorded before it is answered, so a read is in the trail by the time its answer arrives
        String trail = api.get("admin", "/api/v1/audit/reads?caseId=" + caseId).body();

        assertThat(trail).contains("\"reader\":\"auditor\"", "\"reader\":\"admin\"", "/timeline", "/chronology",
                "\"clearance\":\"CONFIDENTIAL\"").doesNotContain("\"reader\":\"viewer\"");
        assertThat(api.get("monitor", "/api/v1/audit/reads").status()).isEqualTo(403);
        // a read shows what its reader was shown (a hidden case's id, a name searched for): an auditor below its
        // reader's clearance does not see it
        String restrictedAuditors = api.get("auditor", "/api/v1/audit/reads?caseId=" + caseId).body();
        assertThat(restrictedAuditors).contains("\"reader\":\"auditor\"", "/timeline")
                .doesNotContain("\"reader\":\"admin\"", "/chronology", "CONFIDENTIAL");
        // the filters narrow together: one reader's reads of this case
        List<String> readers = new ArrayList<>();
        api.get("admin", "/api/v1/audit/reads?caseId=" + caseId + "&reader=admin").json()
                .forEach(read -> readers.add(read.get("reader").asString() + " " + read.get("caseId").asString()));
        assertThat(readers).isNotEmpty().containsOnly("admin " + caseId);
    }

    @Test
    void givenBulkReadsAbovePublic_whenTheTrailIsRead_thenEachIsThereOnceAndUnderTheCaseOnlyWhenItReadOne() {
        api.get("auditor", "/api/v1/exports/events?caseId=" + caseId);
        api.get("auditor", "/api/v1/audit/events?marker=" + caseId);
        api.get("admin", "/api/v1/exports/statuses?caseId=" + caseId); // a caseId this route ignores: every case is read
        api.get("viewer", "/api/v1/exports/flags?marker=" + caseId);
        sleep(); // a streamed answer comes back through the trail's interceptor when it ends

        List<String> own = reads("/api/v1/audit/reads?caseId=" + caseId);
        List<String> across = reads("/api/v1/audit/reads?acrossCases=true");

        assertThat(own).contains("/api/v1/exports/events?caseId=" + caseId)
                .noneMatch(read -> read.startsWith("/api/v1/exports/statuses") || read.startsWith("/api/v1/audit/events"));
        assertThat(across).containsOnlyOnce("/api/v1/audit/events?marker=" + caseId)
                .contains("/api/v1/exports/statuses?caseId=" + caseId)
                .doesNotContain("/api/v1/exports/flags?marker=" + caseId);
    }

    private List<String> reads(String path) {
        List<String> what = new ArrayList<>();
        api.get("admin", path).json().forEach(read -> what.add(read.get("what").asString()));
        return what;
    }

    private void awaitStatus() {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            Long version = jdbc.sql("SELECT version FROM case_status WHERE case_id = :id AND clearance = 'CONFIDENTIAL'")
                    .param("id", UUID.fromString(caseId)).query(Long.class).optional().orElse(-1L);
            if (version >= 4) {
                return;
            }
            sleep();
        }
        throw new AssertionError("the case-status projection did not catch up");
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
