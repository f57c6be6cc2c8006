package org.casetimeline.api.facilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.ApiClient.Response;
import org.casetimeline.api.support.DashboardSession;
import org.casetimeline.api.support.EmbeddedServiceTest;
import org.casetimeline.api.support.Projections;
import org.casetimeline.api.support.Requests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A place of detention known only from a confidential account is shown to readers cleared for it alone: the registry,
 * its page, the audit stream and the facts that name it keep it from everyone else (in the tests' users, the admin is
 * cleared for confidential facts; the monitor and the auditor for restricted ones).
 */
@EmbeddedServiceTest
class FacilityClearanceIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private ApiClient api;
    private String site;
    private UUID siteId;
    private UUID prison;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        site = "Site " + UUID.randomUUID().toString().substring(0, 8);
        Response registered = api.post("admin", "/api/v1/facilities", Requests.facility(site, "none", 50.1, 66.1)
                .replace("\"confidentiality\": \"public\"", "\"confidentiality\": \"confidential\""));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        siteId = UUID.fromString(registered.json().get("caseId").asString());
        prison = UUID.fromString(api.post("monitor", "/api/v1/facilities", Requests.facility("Arkalyk", "UK 161/12", 50.25, 66.92))
                .json().get("caseId").asString());
        // the facility list and pages read the facilities projection, written in the background
        Projections.awaitCaughtUp(api, jdbc);
    }

    @Test
    void givenAConfidentialSite_whenReadersBelowItsLevelListOrOpenIt_thenItIsNotThere() {
        assertThat(api.get("viewer", "/api/v1/facilities").body()).doesNotContain(site).contains("Arkalyk");
        assertThat(api.get("monitor", "/api/v1/facilities").body()).doesNotContain(site);
        assertThat(api.get("monitor", "/api/v1/facilities/" + siteId).status()).isEqualTo(404);
        DashboardSession monitor = DashboardSession.signIn(port, "monitor");
        assertThat(monitor.get("/facilities/" + siteId).statusCode()).isEqualTo(404);
        assertThat(monitor.get("/").body()).doesNotContain(site).contains("Arkalyk");
        String caseId = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        assertThat(monitor.get("/cases/" + caseId + "/record?type=PersonTransferred").body()).doesNotContain(site).contains("Arkalyk");
        assertThat(DashboardSession.signIn(port, "admin").get("/facilities/" + siteId).body()).contains(site);

        Response cleared = api.get("admin", "/api/v1/facilities/" + siteId);
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("facility").get("confidentiality").asString()).isEqualTo("CONFIDENTIAL");
        assertThat(api.get("admin", "/api/v1/facilities").body()).contains(site);
    }

    @Test
    void givenAConfidentialSite_whenAMonitorNotClearedForItNamesIt_thenNoSuchFacilityAndNothingStored() {
        String events = "/api/v1/cases/" + api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString()
                + "/events";
        long before = storedEvents();

        Response refused = api.post("monitor", events, Requests.transfer(prison, siteId, "2014-03")
                .replace("\"confidentiality\": \"public\"", "\"confidentiality\": \"restricted\""));

        refused(refused, 422, "data.toFacilityId");
        assertThat(refused.body()).contains("no facility " + siteId + " is registered").doesNotContain(site);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void givenAConfidentialSite_whenAFactBelowItsLevelNamesIt_thenRefusedNamingTheLevel() {
        String caseId = api.post("admin", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        String events = "/api/v1/cases/" + caseId + "/events";
        long before = storedEvents();

        refused(api.post("admin", events, Requests.transfer(prison, siteId, "2014-03")), 422, "confidentiality");
        refused(api.post("admin", events, Requests.transfer(prison, siteId, "2014-03")
                .replace("\"confidentiality\": \"public\"", "\"confidentiality\": \"restricted\"")), 422, "confidentiality");
        assertThat(storedEvents()).isEqualTo(before);

        Response stored = api.post("admin", events, Requests.transfer(prison, siteId, "2014-03")
                .replace("\"confidentiality\": \"public\"", "\"confidentiality\": \"confidential\""));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        // a correction takes its own level: one that would bring the site down to public is refused as well
        String transfer = stored.json().get("eventId").asString();
        refused(api.post("admin", events, Requests.amendment("EventCorrected", "public", """
                {"correctedFactId": "%s", "reason": "the month was wrong",
                 "replacement": {"type": "PersonTransferred", "occurredAt": "2014-04",
                                 "data": {"fromFacilityId": "%s", "toFacilityId": "%s", "noticeGiven": false}}}"""
                .formatted(transfer, prison, siteId))), 422, "confidentiality");
        assertThat(api.get("viewer", "/api/v1/cases/" + caseId + "/timeline").body()).doesNotContain(site);
    }

    @Test
    void givenAConfidentialSite_whenAnAuditorBelowItsLevelReadsTheStream_thenItsRegistrationIsRedacted() {
        Response stream = api.get("auditor", "/api/v1/audit/events");

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.body()).doesNotContain(site);
        String line = stream.body().lines().filter(text -> text.contains(siteId.toString())).findFirst().orElseThrow();
        assertThat(line).contains("\"redacted\":\"CONFIDENTIAL\"").doesNotContain("payload");
        assertThat(api.get("admin", "/api/v1/audit/events").body()).contains(site);
    }

    @Test
    void givenARegistrationWithoutALevelOrAboveTheWritersClearance_whenPosted_thenRefusedAndNothingStored() {
        long before = storedEvents();

        refused(api.post("monitor", "/api/v1/facilities", Requests.facility("Zhezkazgan", "UK 161/3", 47.8, 67.7)
                .replace("\"confidentiality\": \"public\"", "\"confidentiality\": \"confidential\"")), 422, "confidentiality");

        refused(api.post("monitor", "/api/v1/facilities", Requests.facility("Zhezkazgan", "UK 161/3", 47.8, 67.7)
                .replace(", \"confidentiality\": \"public\"", "")), 400, "confidentiality");
        assertThat(storedEvents()).isEqualTo(before);
    }

    private static void refused(Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("field").asString()).as(response.body()).isEqualTo(field);
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }
}
