package org.casetimeline.api.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.LocalDate;
import java.util.UUID;

import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.ApiClient.Response;
import org.casetimeline.api.support.DashboardSession;
import org.casetimeline.api.support.EmbeddedServiceTest;
import org.casetimeline.api.support.Requests;
import org.casetimeline.api.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inputs that were stored as something other than what was sent, or failed with a 500 or a projection that could not
 * store its findings: each is refused with the field at fault, and nothing is stored.
 */
@EmbeddedServiceTest
class StrictInputIT {

    private static final String DEVICE = "{\"device\": \"walking cane\"}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    JsonMapper json;

    ApiClient api;
    String events;
    UUID pavlodar;

    @BeforeEach
    void aCase() {
        api = new ApiClient(port);
        pavlodar = UUID.fromString(api.post("monitor", "/api/v1/facilities", Requests.facility("Pavlodar", "AP-162/1", 52.29, 76.97))
                .json().get("caseId").asString());
        events = "/api/v1/cases/" + api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString() + "/events";
    }

    @Test
    void givenDatesOutsideTheRecordsSpan_whenAppended_thenEachBoundIsRefusedByItsOwnField() {
        long before = storedEvents();

        // a year the read models' timestamps cannot hold: its finding could never be stored, and the projection stalled
        refused(api.post("monitor", events, Requests.fact("AssistiveDeviceDenied", "-5000-01-01T00:00:00Z", "public", DEVICE)),
                422, "occurredAt");
        refused(api.post("monitor", events, Requests.fact("AssistiveDeviceDenied", "1799-12-31", "public", DEVICE)), 422, "occurredAt");
        refused(api.post("monitor", events, withUntil(Requests.fact("AssistiveDeviceDenied", "2014", "public", DEVICE), "9999")),
                422, "occurredUntil");
        refused(api.post("monitor", events, withUntil(Requests.fact("AssistiveDeviceDenied", "2014-05", "public", DEVICE), "2014-01")),
                400, "occurredUntil");
        String correction = Requests.amendment("EventCorrected", "public", "{\"correctedFactId\": \"" + UUID.randomUUID()
                + "\", \"reason\": \"date\", \"replacement\": {\"type\": \"AssistiveDeviceDenied\", \"occurredAt\": \"2999\","
                + " \"data\": " + DEVICE + "}}");
        refused(api.post("monitor", events, correction), 422, "data.replacement.occurredAt");

        assertThat(storedEvents()).isEqualTo(before);
    }

    /**
     * A number outside its range is refused by its field, and nothing is stored: a ban of minus three million days was
     * stored, and its finding, ending before the first date the read models hold, stalled the status projection for good.
     */
    @Test
    void givenNumbersOutsideTheirRanges_whenRecorded_thenEachIsRefusedByItsFieldAndNothingStored() {
        long before = storedEvents();

        refused(api.post("monitor", events, Requests.fact("FamilyContactDenied", "2014-01-01", "public",
                "{\"asSanction\": true, \"banDays\": -3000000}")), 400, "data.banDays");
        refused(api.post("monitor", events, Requests.fact("SentenceImposed", "2014-01-01", "public",
                "{\"court\": \"Almaty city court\", \"termMonths\": 2147483647}")), 400, "data.termMonths");
        refused(api.post("monitor", events, Requests.fact("ConditionsReported", "2014-01-01", "public",
                "{\"cellTemperatureCelsius\": 1e999}")), 400, "data.cellTemperatureCelsius");
        String correction = Requests.amendment("EventCorrected", "public", "{\"correctedFactId\": \"" + UUID.randomUUID()
                + "\", \"reason\": \"length\", \"replacement\": {\"type\": \"SolitaryConfinementImposed\","
                + " \"occurredAt\": \"2014-01-01\", \"data\": {\"plannedDays\": -5, \"indefinite\": false}}}");
        refused(api.post("monitor", events, correction), 400, "data.replacement.data.plannedDays");
        refused(api.post("monitor", "/api/v1/cases", Requests.atabek().replace("\"birthYear\": 1953", "\"birthYear\": 99999")),
                400, "birthYear");
        // a value object's own refusal, named where the object sits
        refused(api.post("monitor", "/api/v1/cases", Requests.atabek().replace("\"country\": \"KZ\"", "\"country\": \"XX\"")),
                400, "home.country");

        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void givenNoLevelOrOneGivenTwiceOrAsANumber_whenAppended_thenRefusedNotMadePublic() {
        long before = storedEvents();

        refused(api.post("monitor", events, Requests.fact("AssistiveDeviceDenied", "2014", "public", DEVICE)
                .replace("\"confidentiality\": \"public\", ", "")), 400, "confidentiality");
        refused(api.post("monitor", events, Requests.fact("AssistiveDeviceDenied", "2014", "confidential", DEVICE)
                .replace("\"data\"", "\"confidentiality\": \"public\", \"data\"")), 400, null);
        refused(api.post("monitor", events, Requests.fact("AssistiveDeviceDenied", "2014", "public", DEVICE)
                .replace("\"confidentiality\": \"public\"", "\"confidentiality\": 2")), 400, "confidentiality");
        refused(api.post("monitor", "/api/v1/cases", Requests.atabek().replace("1953", "1953.9")), 400, "birthYear");
        refused(api.post("monitor", "/api/v1/cases", Requests.atabek().replace(", \"confidentiality\": \"public\"", "")),
                400, "confidentiality");

        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void givenAnAmendmentWithAFieldTheApiDoesNotRead_whenAppended_thenRefusedNotDroppedUnread() {
        String device = api.post("monitor", events, Requests.fact("AssistiveDeviceDenied", "2014", "public", DEVICE))
                .json().get("eventId").asString();
        long before = storedEvents();

        refused(api.post("monitor", events, Requests.amendment("EventCorrected", "public", "{\"correctedFactId\": \""
                + device + "\", \"reason\": \"date\", \"replacement\": {\"type\": \"AssistiveDeviceDenied\","
                + " \"occurredAt\": \"2015\", \"confidentiality\": \"confidential\", \"data\": " + DEVICE + "}}")),
                400, "data.replacement.confidentiality");
        refused(api.post("monitor", events, Requests.amendment("EventRetracted", "public", "{\"retractedFactId\": \""
                + device + "\", \"reason\": 42}")), 400, "data.reason");
        refused(api.post("monitor", events, Requests.amendment("EventRetracted", "public", "{\"retractedFactId\": \""
                + device + "\", \"reason\": \"wrong\", \"because\": \"a typo\"}")), 400, "data.because");
        // an amendment's own date would be stored nowhere: one who meant to redate the fact must not believe it done
        String retraction = Requests.amendment("EventRetracted", "public", "{\"retractedFactId\": \"" + device
                + "\", \"reason\": \"wrong\"}");
        refused(api.post("monitor", events, retraction.replace("{\"type\"", "{\"occurredAt\": \"2014-03-01\", \"type\"")),
                400, "occurredAt");
        refused(api.post("monitor", events, retraction.replace("{\"type\"", "{\"occurredUntil\": \"2014-04\", \"type\"")),
                400, "occurredUntil");

        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void givenAConfidentialFact_whenAMonitorClearedOnlyForRestrictedRetractsIt_thenItIsUnknownToThem() {
        String secret = api.post("admin", events, Requests.fact("AssistiveDeviceDenied", "2014", "confidential", DEVICE))
                .json().get("eventId").asString();
        long before = storedEvents();
        String retraction = Requests.amendment("EventRetracted", "confidential",
                "{\"retractedFactId\": \"" + secret + "\", \"reason\": \"never happened\"}");

        Response refused = api.post("monitor", events, retraction);

        refused(refused, 422, "retractedFactId");
        assertThat(refused.json().get("code").asString()).isEqualTo("UNKNOWN_FACT");
        assertThat(refused.body()).doesNotContain("CONFIDENTIAL").doesNotContain("AssistiveDeviceDenied");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(api.post("admin", events, retraction).status()).as("the admin is cleared for it").isEqualTo(201);
    }

    /** A confidential case is no case to a monitor cleared for restricted facts: a write answers as a read does. */
    @Test
    void givenAConfidentialCase_whenAMonitorClearedOnlyForRestrictedAppendsToIt_thenNoSuchCaseAndNothingStored() {
        String secret = "/api/v1/cases/" + api.post("admin", "/api/v1/cases", Requests.atabek()
                .replace("\"confidentiality\": \"public\"", "\"confidentiality\": \"confidential\""))
                .json().get("caseId").asString() + "/events";
        long before = storedEvents();

        Response write = api.post("monitor", secret, Requests.fact("AssistiveDeviceDenied", "2014", "restricted", DEVICE));
        assertThat(write.status()).as(write.body()).isEqualTo(404);
        assertThat(write.header("ETag")).as("not even how many events it holds").isNull();
        assertThat(api.get("monitor", secret.replace("/events", "/timeline")).status()).as("as its read answers").isEqualTo(404);
        assertThat(storedEvents()).isEqualTo(before);

        assertThat(api.post("admin", secret, Requests.fact("AssistiveDeviceDenied", "2014", "confidential", DEVICE)).status())
                .as("one cleared for it writes").isEqualTo(201);
    }

    /**
     * A fact recorded below its case's level is held at the case's: an auditor not cleared for the case learns nothing
     * of it from the raw history (no case, not even how many events it holds) nor from the audit stream.
     */
    @Test
    void givenARestrictedFactInAConfidentialCase_whenARestrictedAuditorReadsTheHistory_thenNoSuchCaseAndTheStreamRedactsIt() {
        String caseId = api.post("admin", "/api/v1/cases", Requests.atabek()
                .replace("\"confidentiality\": \"public\"", "\"confidentiality\": \"confidential\""))
                .json().get("caseId").asString();
        assertThat(api.post("admin", "/api/v1/cases/" + caseId + "/events",
                Requests.fact("AssistiveDeviceDenied", "2014", "restricted", DEVICE)).status()).isEqualTo(201);

        Response history = api.get("auditor", "/api/v1/cases/" + caseId + "/events");
        assertThat(history.status()).as(history.body()).isEqualTo(404);
        assertThat(history.header("ETag")).isNull();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : api.get("auditor", "/api/v1/audit/events").body().split("\n")) {
            JsonNode event = json.readTree(line);
            if (caseId.equals(event.path("aggregateIdentifier").asString(null))) {
                lines.add(event);
            }
        }
        assertThat(lines).hasSize(2).allSatisfy(line -> {
            assertThat(line.get("redacted").asString()).isEqualTo("CONFIDENTIAL");
            assertThat(line.has("payload")).isFalse();
        });
        assertThat(api.get("admin", "/api/v1/cases/" + caseId + "/events").json()).as("one cleared for it reads it")
                .hasSize(2);
    }

    @Test
    void givenAnIdempotencyKeyTheLedgerCannotHold_whenAppended_thenRefusedByThatField() {
        long before = storedEvents();

        refused(api.post("monitor", events, Requests.fact("AssistiveDeviceDenied", "2014", "public", DEVICE),
                Map.of("Idempotency-Key", "k".repeat(256))), 400, "Idempotency-Key");

        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void givenAFacilitysIdAsACase_whenAFactIsAppendedToIt_thenNoSuchCase() {
        long before = storedEvents();

        Response response = api.post("monitor", "/api/v1/cases/" + pavlodar + "/events",
                Requests.fact("AssistiveDeviceDenied", "2014", "public", DEVICE));

        refused(response, 404, null);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void givenAFacilityIdTakenAlready_whenRegisteredAgain_thenTheConflictNamesFacilityId() {
        String again = Requests.facility("Pavlodar", "AP-162/1", 52.29, 76.97).replaceFirst("\\{", "{\"facilityId\": \"" + pavlodar + "\", ");

        refused(api.post("monitor", "/api/v1/facilities", again), 409, "facilityId");
    }

    @Test
    void givenAnImportLineHoldingTwoSections_whenImported_thenRefusedNotHalfStored() {
        long before = storedEvents();
        String caseId = UUID.randomUUID().toString();
        String line = "{\"caseId\": \"" + caseId + "\", \"registration\": " + Requests.atabek() + ", \"fact\": "
                + Requests.fact("AssistiveDeviceDenied", "2014", "public", DEVICE) + "}";

        Response response = api.post("admin", "/api/v1/imports", line.replace("\n", " ") + "\n",
                Map.of("Content-Type", "application/x-ndjson"));

        refused(response, 400, "body");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void givenAFact_whenItsTimelineIsRead_thenViewersDoNotSeeWhoRecordedIt() {
        api.post("monitor", events, Requests.fact("AssistiveDeviceDenied", "2014", "public", DEVICE));
        String timeline = events.replace("/events", "/timeline");

        assertThat(api.get("viewer", timeline).body()).doesNotContain("\"recordedBy\":\"monitor\"");
        assertThat(api.get("monitor", timeline).body()).contains("\"recordedBy\":\"monitor\"");
        assertThat(api.get("auditor", timeline).body()).contains("\"recordedBy\":\"monitor\"");
    }

    /**
     * The record is read as it stood: a reading date in the future would count days in custody no one has served, and
     * one past the calendar's arithmetic gave a 500. Today's date is read as now.
     */
    @Test
    void givenReadingDatesOutsideTheRecordsSpan_whenRead_thenEachIsRefusedByItsParameter() {
        String status = events.replace("/events", "");
        String tomorrowEverywhere = LocalDate.now(clock).plusDays(2).toString();

        refused(api.get("viewer", status + "?asOf=2099"), 422, "asOf");
        refused(api.get("viewer", status + "?asOf=" + tomorrowEverywhere), 422, "asOf");
        refused(api.get("viewer", status + "/flags?asOf=%2B999999999-12-31T00:00:00Z"), 422, "asOf");
        refused(api.get("viewer", status + "/timeline?asOf=1799-12-31"), 422, "asOf");
        refused(api.get("viewer", status + "?asOf=0000"), 422, "asOf");

        // knowledge as of a later instant is all there is, and the case is read as of now, not as of that instant
        for (String later : List.of("2099", "9999", "%2B999999999-12-31T00:00:00Z")) {
            Response known = api.get("viewer", status + "?knownAt=" + later);
            assertThat(known.status()).as(known.body()).isEqualTo(200);
            assertThat(known.json().get("asOf").asString()).isEqualTo(clock.instant().toString());
        }
        // the service's clock stands still in these tests: the projection evaluated the case at the same instant
        Response today = api.get("viewer", status + "?asOf=" + LocalDate.now(clock));
        assertThat(today.status()).as(today.body()).isEqualTo(200);
        assertThat(today.json().get("asOf").asString()).isEqualTo(clock.instant().toString());
    }

    /** On the dashboard the reader stays on the case, read as of now, and is told why their date was not read. */
    @Test
    void givenADateOutsideTheRecordsSpanOnTheCasePage_whenShown_thenTheCaseAsOfNowWithTheReasonBesideTheDate() {
        DashboardSession viewer = DashboardSession.signIn(port, "viewer");
        String page = events.replace("/api/v1", "").replace("/events", "");

        HttpResponse<String> future = viewer.get(page + "?asOf=2099-01-01");
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(future.body()).contains("id=\"date-problem\"", "The date 2099-01-01 lies in the future",
                "shown as it stands now", "Aron Atabek", "id=\"custody-state\"").doesNotContain("as-of-banner");

        HttpResponse<String> garbled = viewer.get(page + "?asOf=20-10-2013");
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(garbled.body()).contains("id=\"date-problem\"", "The date asked for cannot be read", "20-10-2013",
                "Aron Atabek");

        HttpResponse<String> readable = viewer.get(page + "?asOf=2013-10-20");
        assertThat(readable.statusCode()).isEqualTo(200);
        assertThat(readable.body()).contains("as-of-banner").doesNotContain("id=\"date-problem\"");
    }

    private static String withUntil(String fact, String until) {
        return fact.replace("\"sources\"", "\"occurredUntil\": \"" + until + "\", \"sources\"");
    }

    private static void refused(Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("field").asString()).as(response.body()).isEqualTo(field);
        }
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }
}
