package org.casetimeline.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.EmbeddedServiceTest;
import org.casetimeline.api.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Thousands of generated bad requests, built by breaking bodies the service accepts: each must be answered with
 * a 4xx problem document that leaks no internals, store nothing, and put no line break of the caller's into the
 * log. Valid text in any script must come back byte for byte.
 */
@EmbeddedServiceTest
class HostileInputIT {

    /** Escapes all but ASCII, so an unpaired surrogate travels as the JSON escape a hostile client would send. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String FORGED = "FORGED-LOG-LINE";

    /** Strings that must never pass a field that is not free text: an enum, a date, an id. */
    private static final List<String> HOSTILE = List.of(
            "' OR '1'='1", "'; DROP TABLE domainevententry; --", "1; SELECT pg_sleep(10)", "\" OR \"\"=\"",
            "x\r\n" + FORGED + " level=INFO user=admin", "x%0d%0a" + FORGED, "\n" + FORGED, "${jndi:ldap://evil/a}",
            "{{7*7}}", "<script>alert(1)</script>", "../../../../etc/passwd", "..\\..\\windows\\win.ini",
            "\u0000", "a\u0000b", "\ud800", "\udfff tail", "\u001b[31mred", "", " ", "null", "NaN", "-Infinity",
            "9".repeat(40), "2013-02-30", "2013-13-01", "0000-00-00", "+1000000-01-01", "🙂", "e\u0301",
            "A".repeat(5000), "%s%s%s%n", "\\x00", "'||pg_sleep(5)||'", "1' UNION SELECT payload FROM domainevententry--",
            "admin'--", "Robert'); DROP TABLE case_status;--");

    /** Characters that a free-text field must refuse. */
    private static final List<String> NOT_TEXT = List.of("\u0000", "a\u0000b", "\ud800", "tail \ud83d", "\udc00",
            "\u0007bell", "\u001b[31mred", "\u007f");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    HttpClient http;
    ListAppender<ILoggingEvent> log;
    UUID caseId;
    UUID arkalyk;
    UUID karagandy;

    @BeforeEach
    void setUp() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ApiClient api = new ApiClient(port);
        arkalyk = UUID.fromString(api.post("monitor", "/api/v1/facilities", Requests.facility("Arkalyk", "UK 161/12", 50.25, 66.92)).json().get("caseId").asString());
        karagandy = UUID.fromString(api.post("monitor", "/api/v1/facilities", Requests.facility("Karagandy", "SIZO", 49.8, 73.1)).json().get("caseId").asString());
        caseId = UUID.fromString(api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString());
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    }

    record Bad(String label, String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        static Bad json(String label, String path, String body) {
            return new Bad(label, "POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    @Test
    void everyBadRequestIsAClearProblem_leaksNothing_storesNothing_andForgesNoLogLine() {
        Map<String, String> valid = validBodies();
        valid.forEach((path, body) -> assertThat(send(Bad.json("valid", path, body)).statusCode())
                .as("the unbroken body is accepted, so breaking it is what gets it refused: " + body).isEqualTo(201));
        List<Bad> corpus = corpus(valid);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(5000);
        long stored = storedRows();

        Map<String, Integer> byStatus = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (Bad bad : corpus) {
            HttpResponse<String> response = send(bad);
            byStatus.merge(Integer.toString(response.statusCode()), 1, Integer::sum);
            String why = judge(response, bad.path() + " " + new String(bad.body(), StandardCharsets.UTF_8));
            if (why != null && failures.size() < 40) {
                failures.add(why + " <- " + bad.label() + " " + bad.method() + " " + bad.path() + " "
                        + abbreviate(new String(bad.body(), StandardCharsets.UTF_8)) + " -> " + response.statusCode()
                        + " " + abbreviate(response.body()));
            }
        }

        assertThat(failures).as("answers by status: %s", byStatus).isEmpty();
        assertThat(storedRows()).isEqualTo(stored);
        // detached before it is read: a line logged by another thread meanwhile would break the iteration
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        List<String> forged = new ArrayList<>();
        for (ILoggingEvent event : log.list) {
            if (forgesALine(event.getFormattedMessage()) || forgesALine(throwableText(event.getThrowableProxy()))) {
                forged.add(event.getFormattedMessage());
            }
        }
        assertThat(forged).as("log events carrying a caller's line break").isEmpty();
    }

    @Test
    void textInAnyScriptComesBackByteForByte() {
        List<String> texts = List.of("Арон Атабек", "Арон Атабек ақын, Қарағанды, Өскемен, ұлы, үй, һ, і",
                "آرون آتابک", "سجن", "✊🏽 голодовка 🕊️", "e\u0301 n\u0303 (combining marks, not composed)",
                "line one\nline two\r\n\ttabbed", "\"quoted\" \\ back\\slash </script>");
        ApiClient api = new ApiClient(port);
        for (String text : texts) {
            ObjectNode fact = (ObjectNode) JSON.readTree(Requests.fact("HungerStrikeStarted", "2014-01-01", "public", "{}"));
            ((ObjectNode) fact.get("data")).put("demands", text);
            ((ObjectNode) ((ArrayNode) fact.get("sources")).get(0)).put("citation", text);
            // sent as raw UTF-8, not escaped, so the bytes themselves make the round trip
            ApiClient.Response stored = api.post("monitor", "/api/v1/cases/" + caseId + "/events",
                    JsonMapper.builder().build().writeValueAsString(fact));
            assertThat(stored.status()).as(text).isEqualTo(201);
            String eventId = stored.json().get("eventId").asString();
            JsonNode event = null;
            for (JsonNode candidate : api.get("auditor", "/api/v1/cases/" + caseId + "/events").json()) {
                if (candidate.get("eventId").asString().equals(eventId)) {
                    event = candidate;
                }
            }
            assertThat(event).isNotNull();
            assertThat(event.get("data").get("demands").asString().getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
            assertThat(event.get("sources").get(0).get("citation").asString()).isEqualTo(text);
        }
    }

    /** Why an answer fails the bar, or {@code null}. Words the caller sent may be quoted back; no others. */
    private static String judge(HttpResponse<String> response, String sent) {
        int status = response.statusCode();
        if (status < 400 || status > 499) {
            return "not a 4xx";
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "not a problem document (" + type + ")";
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            return "an unreadable problem document";
        }
        if (problem.path("status").asInt() != status || problem.path("title").asString("").isEmpty()) {
            return "a problem document without its status and title";
        }
        String body = response.body();
        for (String leak : List.of("Exception", "\tat ", "org.casetimeline", "org.springframework", "tools.jackson",
                "java.", "SELECT ", "INSERT ", "domainevententry", "PSQL", "jdbc", "Hikari")) {
            if (body.contains(leak) && !sent.contains(leak)) {
                return "leaks '" + leak + "'";
            }
        }
        return null;
    }

    private static boolean forgesALine(String text) {
        return text != null && (text.contains("\n" + FORGED) || text.contains("\r" + FORGED));
    }

    private static String throwableText(IThrowableProxy proxy) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy p = proxy; p != null; p = p.getCause()) {
            text.append(p.getMessage()).append(' ');
        }
        return text.toString();
    }

    /** Bodies the service accepts, one per kind of write: the corpus breaks each of them. */
    private Map<String, String> validBodies() {
        String events = "/api/v1/cases/" + caseId + "/events";
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("/api/v1/cases", Requests.atabek());
        bodies.put("/api/v1/facilities", Requests.facility("Zhezkazgan", "UK 161/" + UUID.randomUUID(), 47.8, 67.7));
        bodies.put(events, Requests.transfer(arkalyk, karagandy, "2013-10-05"));
        bodies.put(events + "#hunger", Requests.fact("HungerStrikeStarted", "2014-01-01", "public", "{\"demands\": \"a fair retrial\"}"));
        bodies.put(events + "#admitted", Requests.fact("AdmittedToFacility", "2012-11", "restricted", "{\"facilityId\": \"" + arkalyk + "\"}"));
        bodies.put(events + "#device", Requests.fact("AssistiveDeviceDenied", "2014", "public", "{\"device\": \"walking cane\"}"));
        bodies.put(events + "#solitary", Requests.fact("SolitaryConfinementEnded", "2013-10-05", "public", "{\"reason\": \"moved out of Arkalyk\"}"));
        bodies.put(events + "#released", Requests.fact("PersonReleased", "2021-12-01", "public", "{\"kind\": \"NON_CUSTODIAL_CONVERSION\"}"));
        bodies.put(events + "#died", Requests.fact("PersonDied", "2021-12-24", "public", "{\"inCustody\": false}"));
        Map<String, String> compact = new LinkedHashMap<>();
        bodies.forEach((path, body) -> compact.put(path, JSON.writeValueAsString(JSON.readTree(body))));
        return compact;
    }

    private List<Bad> corpus(Map<String, String> valid) {
        List<Bad> corpus = new ArrayList<>();
        valid.forEach((key, body) -> {
            String path = key.contains("#") ? key.substring(0, key.indexOf('#')) : key;
            JsonNode tree = JSON.readTree(body);
            // invalid JSON: every proper prefix of the body
            for (int end = 0; end < body.length(); end++) {
                corpus.add(Bad.json("truncated", path, body.substring(0, end)));
            }
            for (String pointer : leaves(tree, "")) {
                JsonNode leaf = tree.at(pointer);
                // wrong types: a number for text, text for a number or a yes/no, containers for either
                List<JsonNode> wrong = new ArrayList<>(List.of(NODES.arrayNode(), NODES.objectNode(),
                        leaf.isBoolean() ? NODES.numberNode(1) : NODES.booleanNode(true)));
                wrong.add(leaf.isString() ? NODES.numberNode(12345) : NODES.stringNode("12345"));
                wrong.add(leaf.isString() ? NODES.numberNode(-1.5) : NODES.stringNode("true"));
                for (JsonNode value : wrong) {
                    corpus.add(Bad.json("wrong type at " + pointer, path, JSON.writeValueAsString(replaced(tree, pointer, value))));
                }
                // text that is not text, anywhere text is taken
                if (leaf.isString()) {
                    for (String text : NOT_TEXT) {
                        corpus.add(Bad.json("not text at " + pointer, path, JSON.writeValueAsString(replaced(tree, pointer, NODES.stringNode(text)))));
                    }
                }
                // hostile strings where only a name from a list, a date, an id or a number will do
                if (!freeText(pointer)) {
                    for (String text : HOSTILE) {
                        corpus.add(Bad.json("hostile at " + pointer, path, JSON.writeValueAsString(replaced(tree, pointer, NODES.stringNode(text)))));
                    }
                }
            }
            // fields the server sets itself, and unknown ones, at every level
            for (String field : List.of("recordedBy", "recordedAt", "sequence", "globalIndex", "eventId", "version",
                    "__proto__", "constructor", "aggregateIdentifier", "payload")) {
                for (String at : List.of("", "/data", "/sources/0")) {
                    if (tree.at(at).isObject()) {
                        ObjectNode copy = (ObjectNode) tree.deepCopy();
                        ((ObjectNode) copy.at(at)).put(field, "admin");
                        corpus.add(Bad.json("extra " + field + " at " + at, path, JSON.writeValueAsString(copy)));
                    }
                }
            }
            // null where a list holds a name, a source or an article, and a body that is only null
            for (String element : elements(tree, "")) {
                corpus.add(Bad.json("null element at " + element, path, JSON.writeValueAsString(replaced(tree, element, NODES.nullNode()))));
            }
            corpus.add(Bad.json("null body", path, "null"));
            // required fields missing
            for (String required : List.of("/type", "/occurredAt", "/sources", "/names", "/name", "/kind",
                    "/country", "/sources/0/kind", "/sources/0/citation", "/data/toFacilityId", "/data/facilityId",
                    "/data/kind")) {
                if (!tree.at(required).isMissingNode()) {
                    corpus.add(Bad.json("missing " + required, path, JSON.writeValueAsString(replaced(tree, required, null))));
                }
            }
            // wrong media types
            for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "application/javascript", "image/png")) {
                corpus.add(new Bad("media type " + type, "POST", path, type, body.getBytes(StandardCharsets.UTF_8), Map.of()));
            }
            corpus.add(new Bad("no media type", "POST", path, null, body.getBytes(StandardCharsets.UTF_8), Map.of()));
            // raw bytes JSON forbids or UTF-8 cannot carry, inside a string
            for (byte[] raw : List.of(new byte[] {0}, new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF},
                    new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    new byte[] {'\n'}, new byte[] {(byte) 0x1B})) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                int quote = body.indexOf("\":\"") + 3;
                byte[] spliced = new byte[bytes.length + raw.length];
                System.arraycopy(bytes, 0, spliced, 0, quote);
                System.arraycopy(raw, 0, spliced, quote, raw.length);
                System.arraycopy(bytes, quote, spliced, quote + raw.length, bytes.length - quote);
                corpus.add(new Bad("raw bytes", "POST", path, "application/json", spliced, Map.of()));
            }
            // a valid body under hostile headers
            for (String ifMatch : List.of("\"abc\"", "\"-1\"", "\"99999999999999999999999\"", "W/\"x\"", "\"" + "9".repeat(300) + "\"")) {
                if (path.endsWith("/events")) {
                    corpus.add(new Bad("If-Match " + ifMatch, "POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of("If-Match", ifMatch)));
                }
            }
        });
        String events = "/api/v1/cases/" + caseId + "/events";
        // nesting far past any real fact
        corpus.add(Bad.json("nested arrays", events, "[".repeat(10_000) + "]".repeat(10_000)));
        corpus.add(Bad.json("nested objects", events, "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
        corpus.add(Bad.json("nested in data", events, "{\"type\":\"HungerStrikeStarted\",\"data\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"));
        // ten megabytes, declared and streamed
        String huge = "{\"type\":\"HungerStrikeStarted\",\"data\":{\"demands\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}}";
        corpus.add(Bad.json("10 MB", events, huge));
        corpus.add(Bad.json("10 MB array", events, "[" + "1,".repeat(5 * 1024 * 1024) + "1]"));
        // ids that are not ids, on every route that takes one
        for (String id : List.of("not-a-uuid", "123", "%27%20OR%201%3D1--", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f",
                "00000000-0000-0000-0000-00000000000g", "%00", "%0d%0a" + FORGED, "%7B%7B7*7%7D%7D", "%3Cscript%3E",
                UUID.randomUUID().toString(), "..", "%C0%AF", "x".repeat(2000))) {
            for (String route : List.of("/api/v1/cases/%s", "/api/v1/cases/%s/timeline", "/api/v1/cases/%s/flags",
                    "/api/v1/cases/%s/gaps", "/api/v1/cases/%s/events", "/api/v1/cases/%s/chronology",
                    "/api/v1/facilities/%s")) {
                corpus.add(new Bad("id " + id, "GET", route.formatted(id), null, new byte[0], Map.of()));
            }
            corpus.add(new Bad("id " + id, "POST", "/api/v1/cases/" + id + "/events", "application/json",
                    valid.get(events).getBytes(StandardCharsets.UTF_8), Map.of()));
        }
        // query values that mean nothing
        for (String query : List.of("asOf=yesterday", "asOf=2013-13-45", "knownAt=%27%20OR%201%3D1", "asOf=%00",
                "knownAt=9999999999999999999", "asOf=%0d%0a" + FORGED)) {
            for (String route : List.of("/api/v1/cases/%s", "/api/v1/cases/%s/timeline", "/api/v1/cases/%s/flags")) {
                corpus.add(new Bad("query " + query, "GET", route.formatted(caseId) + "?" + query, null, new byte[0], Map.of()));
            }
        }
        for (String query : List.of("page=-1", "size=0", "size=-5", "page=x", "size=1e9", "facility=not-a-uuid",
                "sort=%27%3B%20DROP%20TABLE%20case_status%3B--", "custodyState=%27%20OR%201%3D1")) {
            corpus.add(new Bad("query " + query, "GET", "/api/v1/cases?" + query, null, new byte[0], Map.of()));
        }
        return corpus;
    }

    /** Fields whose value is a person's words: any plain text is valid there. */
    private static boolean freeText(String pointer) {
        return pointer.matches(".*/(names/\\d+|citation|demands|device|reason|name|officialCode|city|nextOfKin|occupation|gender|nationality)$")
                || pointer.startsWith("/home/name");
    }

    /** The pointers of every element of every array in {@code node}. */
    private static List<String> elements(JsonNode node, String pointer) {
        List<String> elements = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(entry -> elements.addAll(elements(entry.getValue(), pointer + "/" + entry.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                elements.add(pointer + "/" + i);
                elements.addAll(elements(node.get(i), pointer + "/" + i));
            }
        }
        return elements;
    }

    private static List<String> leaves(JsonNode node, String pointer) {
        List<String> leaves = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(entry -> leaves.addAll(leaves(entry.getValue(), pointer + "/" + entry.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves.addAll(leaves(node.get(i), pointer + "/" + i));
            }
        } else {
            leaves.add(pointer);
        }
        return leaves;
    }

    /** A copy of {@code tree} with the node at {@code pointer} replaced, or removed when {@code value} is null. */
    private static JsonNode replaced(JsonNode tree, String pointer, JsonNode value) {
        JsonNode copy = tree.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(last);
            } else {
                object.set(last, value);
            }
        } else if (parent instanceof ArrayNode array) {
            if (value == null) {
                array.remove(Integer.parseInt(last));
            } else {
                array.set(Integer.parseInt(last), value);
            }
        }
        return copy;
    }

    private HttpResponse<String> send(Bad bad) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + bad.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
        if (bad.method().equals("GET")) {
            request.GET();
        } else {
            request.POST(HttpRequest.BodyPublishers.ofByteArray(bad.body()));
        }
        if (bad.contentType() != null) {
            request.header("Content-Type", bad.contentType());
        }
        bad.headers().forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(bad.label() + " " + bad.path(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long storedRows() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM domainevententry) + (SELECT count(*) FROM idempotency_key)
                     + (SELECT count(*) FROM event_chain)""")
                .query(Long.class).single();
    }

    private static String abbreviate(String text) {
        String flat = text.replace("\n", "\\n").replace("\r", "\\r");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
