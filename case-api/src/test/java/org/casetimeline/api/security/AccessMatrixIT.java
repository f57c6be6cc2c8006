package org.casetimeline.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casetimeline.api.security.AccessPolicy.Access;
import org.casetimeline.api.security.AccessPolicy.Rule;
import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.DashboardSession;
import org.casetimeline.api.support.EmbeddedServiceTest;
import org.casetimeline.api.support.Requests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every served route, read from Spring's handler mappings so that a new route cannot escape, called by every
 * kind of caller on a case or facility of their own, someone else's and a missing one. Each answer must match
 * {@link AccessPolicy}; refused writes must store nothing; and facts above a caller's clearance must appear in
 * no answer, export or stream of theirs.
 */
@EmbeddedServiceTest
class AccessMatrixIT {

    /** Routes that Spring Security's filters serve rather than a controller. */
    private static final List<Route> FILTER_ROUTES = List.of(
            new Route(HttpMethod.POST, "/login"), new Route(HttpMethod.POST, "/logout"));

    /** Callers: nobody signed in, then each demo user (monitor and auditor are cleared for restricted facts only). */
    private static final List<String> CALLERS = List.of("anonymous", "viewer", "monitor", "auditor", "admin");

    private static final Map<String, Set<Access>> GRANTS = Map.of(
            "anonymous", Set.of(Access.ANYONE),
            "viewer", Set.of(Access.ANYONE, Access.VIEWER),
            "monitor", Set.of(Access.ANYONE, Access.VIEWER, Access.MONITOR),
            "auditor", Set.of(Access.ANYONE, Access.VIEWER, Access.AUDITOR),
            "admin", Set.of(Access.ANYONE, Access.VIEWER, Access.MONITOR, Access.AUDITOR, Access.ADMIN));

    record Route(HttpMethod method, String template) {
    }

    record Cell(Route route, String path, String caller, String idKind) {
        @Override
        public String toString() {
            return caller + " " + route.method() + " " + path + " (" + idKind + ")";
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    final Map<String, HttpClient> sessions = new LinkedHashMap<>();
    final Map<String, String> csrfTokens = new LinkedHashMap<>();
    String restrictedMarker;
    String confidentialMarker;
    Map<String, Map<String, String>> ids;

    @BeforeEach
    void recordCasesOfTwoMonitorsWithFactsAtEveryClearance() {
        ApiClient api = new ApiClient(port);
        String ownFacility = id(api.post("monitor", "/api/v1/facilities", Requests.facility("Arkalyk", "UK 161/12", 50.25, 66.92)), "caseId"); // every acknowledgement names its stream caseId
        String foreignFacility = id(api.post("admin", "/api/v1/facilities", Requests.facility("Karagandy", "SIZO", 49.8, 73.1)), "caseId"); // every acknowledgement names its stream caseId
        String ownCase = id(api.post("monitor", "/api/v1/cases", Requests.atabek()), "caseId");
        String foreignCase = id(api.post("admin", "/api/v1/cases", Requests.atabek()), "caseId");
        restrictedMarker = "restricted-" + UUID.randomUUID();
        confidentialMarker = "confidential-" + UUID.randomUUID();
        for (String caseId : List.of(ownCase, foreignCase)) {
            assertThat(api.post("admin", "/api/v1/cases/" + caseId + "/events", Requests.fact("HungerStrikeStarted",
                    "2013-11-01", "restricted", "{\"demands\": \"" + restrictedMarker + "\"}")).status()).isEqualTo(201);
            assertThat(api.post("admin", "/api/v1/cases/" + caseId + "/events", Requests.fact("HungerStrikeStarted",
                    "2013-11-02", "confidential", "{\"demands\": \"" + confidentialMarker + "\"}")).status()).isEqualTo(201);
        }
        ids = Map.of(
                "caseId", Map.of("own", ownCase, "foreign", foreignCase, "missing", UUID.randomUUID().toString()),
                "facilityId", Map.of("own", ownFacility, "foreign", foreignFacility, "missing", UUID.randomUUID().toString()),
                "name", Map.of("missing", "no-such-projection"),
                "requiredMetricName", Map.of("missing", "no.such.metric"));
        for (String caller : CALLERS) {
            signIn(caller);
        }
    }

    @Test
    void everyServedRouteIsNamedByThePolicyTable() {
        List<String> unnamed = new ArrayList<>();
        for (Route route : servedRoutes()) {
            String path = route.template().replaceAll("\\{[^}]+}", "x").replace("/**", "/x");
            List<Rule> table = isApi(path) ? AccessPolicy.API : AccessPolicy.DASHBOARD;
            if (table.stream().noneMatch(rule -> matches(rule, route.method(), path))) {
                unnamed.add(route.method() + " " + route.template());
            }
        }
        assertThat(unnamed).as("routes that no row of AccessPolicy names (they are denied to everyone)").isEmpty();
    }

    @Test
    void everyCallerGetsWhatThePolicyTableSaysOnEveryRoute_andRefusedWritesStoreNothing() {
        List<Cell> cells = cells();
        assertThat(cells.size()).isGreaterThan(300);
        List<String> mismatches = new ArrayList<>();
        List<Cell> granted = new ArrayList<>();
        long storedBefore = storedRows();
        int refused = 0;
        for (Cell cell : cells) {
            if (allowed(cell)) {
                granted.add(cell);
                continue;
            }
            refused++;
            Answer answer = call(cell);
            if (!answer.refused(cell, isApi(cell.path()))) {
                mismatches.add(cell + " -> " + answer.status() + " but the policy refuses it");
            }
        }
        assertThat(storedRows()).as("rows stored by %d refused requests", refused).isEqualTo(storedBefore);
        for (Cell cell : granted) {
            Answer answer = call(cell);
            if (FILTER_ROUTES.contains(cell.route())) {
                signIn(cell.caller()); // signing in or out again ends the session the next cells use
            }
            if (answer.status() == 401 || answer.status() == 403 || answer.status() >= 500 || answer.toSignIn()) {
                mismatches.add(cell + " -> " + answer.status() + " but the policy allows it");
            }
            if (!"admin".equals(cell.caller()) && answer.body().contains(confidentialMarker)) {
                mismatches.add(cell + " -> shows a confidential fact to a caller not cleared for it");
            }
            if (Set.of("anonymous", "viewer").contains(cell.caller()) && answer.body().contains(restrictedMarker)) {
                mismatches.add(cell + " -> shows a restricted fact to a caller cleared for public facts only");
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theMarkersAreFoundWhereTheCallerIsCleared() {
        // without this the clearance checks above could pass by never finding anything
        String events = "/api/v1/cases/" + ids.get("caseId").get("foreign") + "/events";
        Answer admin = call(new Cell(new Route(HttpMethod.GET, events), events, "admin", "foreign"));
        assertThat(admin.body()).contains(confidentialMarker).contains(restrictedMarker);
        Answer auditor = call(new Cell(new Route(HttpMethod.GET, events), events, "auditor", "foreign"));
        assertThat(auditor.body()).contains(restrictedMarker).doesNotContain(confidentialMarker);
    }

    private List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (Route route : servedRoutes()) {
            Matcher variable = Pattern.compile("\\{([^}]+)}").matcher(route.template());
            String name = variable.find() ? variable.group(1) : null;
            Map<String, String> values = name == null ? Map.of("none", "")
                    : ids.getOrDefault(name, Map.of("missing", "x"));
            for (var value : values.entrySet()) {
                String path = route.template().replace("/**", "/liveness");
                if (name != null) {
                    path = path.replace("{" + name + "}", value.getValue());
                }
                for (String caller : CALLERS) {
                    cells.add(new Cell(route, path, caller, value.getKey()));
                }
            }
        }
        return cells;
    }

    /** Every route of every handler mapping (controllers, actuator, OpenAPI), and the filters' own. */
    private Set<Route> servedRoutes() {
        Set<Route> routes = new LinkedHashSet<>(FILTER_ROUTES);
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        routes.add(new Route(HttpMethod.GET, pattern));
                    }
                    methods.forEach(method -> routes.add(new Route(method.asHttpMethod(), pattern)));
                }
            }
        }
        return routes;
    }

    private boolean allowed(Cell cell) {
        List<Rule> table = isApi(cell.path()) ? AccessPolicy.API : AccessPolicy.DASHBOARD;
        return table.stream().filter(rule -> matches(rule, cell.route().method(), cell.path())).findFirst()
                .map(rule -> GRANTS.get(cell.caller()).contains(rule.access())).orElse(false);
    }

    private static boolean isApi(String path) {
        for (String pattern : AccessPolicy.API_PATHS) {
            if (PathPatternParser.defaultInstance.parse(pattern).matches(PathContainer.parsePath(path))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Rule rule, HttpMethod method, String path) {
        return (rule.method() == null || rule.method().equals(method))
                && PathPatternParser.defaultInstance.parse(rule.pattern()).matches(PathContainer.parsePath(path));
    }

    /** What a request can store; checkpoints are left out, as a timer, not a request, adds those. */
    private long storedRows() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM domainevententry) + (SELECT count(*) FROM idempotency_key)
                     + (SELECT count(*) FROM event_chain)""")
                .query(Long.class).single();
    }

    record Answer(int status, String location, String body) {
        boolean toSignIn() {
            return status == 302 && location != null && location.endsWith("/login");
        }

        /** The API answers 401 to nobody and 403 to the signed-in; the dashboard sends nobody to sign in. */
        boolean refused(Cell cell, boolean api) {
            boolean anonymous = "anonymous".equals(cell.caller());
            if (api) {
                return status == (anonymous ? 401 : 403) && body.contains("\"status\":" + status);
            }
            return anonymous ? toSignIn() : status == 403;
        }
    }

    private Answer call(Cell cell) {
        boolean api = isApi(cell.path());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + cell.path()))
                .timeout(Duration.ofSeconds(30));
        String body = api ? jsonBody(cell) : formBody(cell);
        if (cell.route().method() == HttpMethod.GET) {
            request.GET();
        } else {
            request.method(cell.route().method().name(), HttpRequest.BodyPublishers.ofString(body));
            request.header("Content-Type", api ? "application/json" : "application/x-www-form-urlencoded");
        }
        HttpClient client;
        if (api) {
            client = sessions.get("anonymous");
            if (!"anonymous".equals(cell.caller())) {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (cell.caller() + ":" + cell.caller()).getBytes(StandardCharsets.UTF_8)));
            }
        } else {
            client = sessions.get(cell.caller());
        }
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            // only a stream that was granted stays open; a refusal's problem body ends, and may come in more than one read
            String text = read(response.body(), cell.path().endsWith("/stream") && response.statusCode() == 200);
            return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null), text);
        } catch (IOException e) {
            throw new IllegalStateException(cell.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A stream never ends: read what it sends first (the subscription comment), then hang up. */
    private static String read(InputStream in, boolean stream) throws IOException {
        try (in) {
            if (!stream) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            byte[] buffer = new byte[4096];
            int read = in.read(buffer);
            return read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.UTF_8);
        }
    }

    /** A body that would store something if the caller were allowed, so a refusal storing nothing means something. */
    private String jsonBody(Cell cell) {
        String template = cell.route().template();
        if (template.equals("/api/v1/cases")) {
            return Requests.atabek();
        }
        if (template.equals("/api/v1/facilities")) {
            return Requests.facility("Zhezkazgan", "UK 161/" + UUID.randomUUID(), 47.8, 67.7);
        }
        if (template.endsWith("/events")) {
            return Requests.fact("HungerStrikeStarted", "2014-01-01", "public", "{\"demands\": \"a fair retrial\"}");
        }
        return "{}";
    }

    private String formBody(Cell cell) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrfTokens.getOrDefault(cell.caller(), ""));
        if (cell.route().template().endsWith("/record")) {
            form.put("type", "HungerStrikeStarted");
            form.put("occurredAt", "2014-01-01");
            form.put("data.demands", "a fair retrial");
            form.put("sourceKind", "ngo_report");
            form.put("citation", "PEN International");
            form.put("reliability", "B");
            form.put("claim", "reported");
            form.put("confidentiality", "public");
            form.put("key", UUID.randomUUID().toString());
        }
        StringBuilder encoded = new StringBuilder();
        form.forEach((name, value) -> encoded.append(encoded.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return encoded.toString();
    }

    /** A dashboard session per caller, with the CSRF token its forms carry; nobody's session is never signed in. */
    private void signIn(String caller) {
        DashboardSession session = "anonymous".equals(caller) ? DashboardSession.anonymous(port)
                : DashboardSession.signIn(port, caller);
        sessions.put(caller, session.client());
        csrfTokens.put(caller, session.csrf());
    }

    private static String id(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get(field).asString();
    }
}
