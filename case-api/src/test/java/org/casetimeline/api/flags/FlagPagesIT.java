package org.casetimeline.api.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.ApiClient.Response;
import org.casetimeline.api.support.DashboardSession;
import org.casetimeline.api.support.EmbeddedServiceTest;
import org.casetimeline.api.support.Projections;
import org.casetimeline.api.support.Requests;
import org.casetimeline.core.compliance.ComplianceRule;
import org.casetimeline.core.compliance.ComplianceRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Findings across every case come a page at a time, in the order the checks run, each page with the counts of all the
 * findings that match: a list of every finding of an organisation's archive was one answer of unbounded size. The
 * pages read here are those of one prison registered for the test, so that other tests' cases do not move them.
 */
@EmbeddedServiceTest
class FlagPagesIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private ApiClient api;
    private String flags;
    private String facilityPage;

    @BeforeEach
    void aCaseHeldFarFromHomeInSolitaryWithoutNotice() {
        api = new ApiClient(port);
        UUID prison = id(api.post("monitor", "/api/v1/facilities", Requests.facility("Arkalyk", "UK 161/12", 50.25, 66.92)));
        UUID detention = id(api.post("monitor", "/api/v1/facilities", Requests.facility("Karagandy", "SIZO", 49.8, 73.1)));
        String caseId = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        String events = "/api/v1/cases/" + caseId + "/events";
        List<String> facts = List.of(
                Requests.fact("AdmittedToFacility", "2012-11", "public", "{\"facilityId\": \"" + detention + "\"}"),
                Requests.fact("SolitaryConfinementImposed", "2012-12", "public", "{\"reason\": \"publishing a book\","
                        + " \"indefinite\": false, \"partOfSentence\": true, \"forExpression\": true}"),
                Requests.fact("WhereaboutsUnknownReported", "2013-01-10", "public", "{\"reportedBy\": \"his son\"}"),
                Requests.transfer(detention, prison, "2013-10-05"),
                Requests.fact("FamilyNotNotified", "2013-10-05", "public",
                        "{\"about\": \"TRANSFER\", \"personPreventedFromTelling\": true}"));
        facts.forEach(fact -> assertThat(api.post("monitor", events, fact).status()).isEqualTo(201));
        awaitProjection(caseId, facts.size());
        Projections.awaitCaughtUp(api, jdbc); // the facility page reads the facilities projection too
        flags = "/api/v1/flags?facility=" + detention;
        facilityPage = "/facilities/" + detention;
    }

    @Test
    void givenFindingsAtAPrison_whenReadAPageAtATime_thenEveryOneComesOnceInTheChecksOrderWithTheCountsOfAll() {
        JsonNode first = api.get("viewer", flags + "&size=2").json();
        long total = first.get("total").asLong();
        assertThat(total).as("findings at the prison, enough for several pages").isGreaterThan(2);
        assertThat(first.get("findings")).hasSize(2);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(sum(first.get("perRule"))).isEqualTo(total);
        assertThat(sum(first.get("perFacility"))).isEqualTo(total);

        List<String> ruleIds = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int page = 0; page * 2L < total; page++) {
            JsonNode read = api.get("viewer", flags + "&size=2&page=" + page).json();
            assertThat(read.get("total").asLong()).isEqualTo(total);
            read.get("findings").forEach(finding -> {
                assertThat(seen.add(finding.toString())).as("a finding on two pages").isTrue();
                ruleIds.add(finding.get("ruleId").asString());
            });
        }
        assertThat(seen).hasSize((int) total);
        List<String> checks = ComplianceRules.all().stream().map(ComplianceRule::id).toList();
        assertThat(ruleIds).isSortedAccordingTo((a, b) -> Integer.compare(checks.indexOf(a), checks.indexOf(b)));
        assertThat(api.get("viewer", flags + "&size=2&page=" + (total / 2 + 1)).json().get("findings")).isEmpty();
        // the prison's dashboard page counts the flags raised there (data gaps aside) on its first page of them
        long gaps = api.get("viewer", flags + "&kind=unknown").json().get("total").asLong();
        DashboardSession viewer = DashboardSession.signIn(port, "viewer");
        String heading = "Flags raised here <span class=\"muted\">(" + (total - gaps) + ")</span>";
        assertThat(viewer.get(facilityPage).body()).contains(heading);
        // a page past the last (an old link) shows the last page
        assertThat(viewer.get(facilityPage + "?page=99").body()).contains(heading).doesNotContain("No flag was raised");
    }

    /**
     * More flags at a prison than one page holds: the dashboard's page links lead from the first page to the next and
     * back. One case moved between two prisons 240 times without notice to anyone, in one import batch.
     */
    @Test
    void givenMoreFlagsThanAPage_whenTheFacilityPageIsRead_thenItsLinksLeadToTheNextPageAndBack() {
        UUID east = UUID.randomUUID();
        UUID west = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        StringBuilder batch = new StringBuilder();
        for (UUID facility : List.of(east, west)) {
            batch.append("{\"facility\": ").append(Requests.facility("Prison " + facility.toString().substring(0, 4),
                    "none", 50.2, 66.9).replace("{\"name\"", "{\"facilityId\": \"" + facility + "\", \"name\"")
                    .replace("\n", " ")).append("}\n");
        }
        batch.append("{\"caseId\": \"").append(caseId).append("\", \"registration\": ")
                .append(Requests.atabek().replace("\n", " ")).append("}\n");
        for (int move = 0; move < 240; move++) {
            String on = LocalDate.of(2001, 1, 1).plusDays(10L * move).toString();
            batch.append("{\"caseId\": \"").append(caseId).append("\", \"fact\": ")
                    .append(Requests.transfer(move % 2 == 0 ? east : west, move % 2 == 0 ? west : east, on).replace("\n", " "))
                    .append("}\n");
        }
        Response imported = api.post("admin", "/api/v1/imports", batch.toString(),
                Map.of("Content-Type", "application/x-ndjson"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        awaitProjection(caseId.toString(), 240);
        Projections.awaitCaughtUp(api, jdbc); // the facility page reads the facilities projection too
        long raised = api.get("viewer", "/api/v1/flags?kind=flag&facility=" + west).json().get("total").asLong();
        assertThat(raised).as("flags raised at the west prison").isGreaterThan(100);

        DashboardSession viewer = DashboardSession.signIn(port, "viewer");
        String first = viewer.get("/facilities/" + west).body();
        assertThat(first).contains("page 1 of").contains("/facilities/" + west + "?page=1").doesNotContain("previous");
        String second = viewer.get("/facilities/" + west + "?page=1").body();
        assertThat(second).contains("page 2 of").contains("/facilities/" + west + "?page=0");
    }

    @Test
    void givenAPageOutOfRange_whenRead_thenRefusedNamingTheParameter() {
        for (String query : List.of("&size=0", "&size=1001", "&page=-1")) {
            Response refused = api.get("viewer", flags + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.json().get("field").asString()).isEqualTo(query.contains("page") ? "page" : "size");
        }
    }

    private static long sum(JsonNode counts) {
        long sum = 0;
        for (JsonNode count : counts) {
            sum += count.asLong();
        }
        return sum;
    }

    private static UUID id(Response registered) {
        return UUID.fromString(registered.json().get("caseId").asString());
    }

    private void awaitProjection(String caseId, long version) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (jdbc.sql("SELECT count(*) FROM case_status WHERE case_id = :id AND clearance = 'PUBLIC' AND version >= :version")
                .param("id", UUID.fromString(caseId)).param("version", version).query(Long.class).single() == 0) {
            assertThat(Instant.now()).as("the case-status projection reaches version %s", version).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
