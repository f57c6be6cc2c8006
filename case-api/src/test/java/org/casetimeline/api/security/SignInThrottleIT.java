package org.casetimeline.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.casetimeline.api.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/** Password guessing is slowed: a few failures from one address, and every further attempt is refused unchecked. */
// a context of its own (its database, processors and pollers) is closed after the class, not kept running beside
// the later classes until the run ends
@DirtiesContext
@Import(TestClock.Configuration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "case-timeline.data-dir=target/it-data/${random.uuid}", "case-timeline.demo-data=false",
        "server.address=127.0.0.1", "case-timeline.security.sign-in.max-failures=3",
        "case-timeline.security.sign-in.window=PT5M"})
class SignInThrottleIT {

    private static final String GUESS = "s3cret-guess-Ω";

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void givenThreeWrongPasswords_whenTheRightOneFollows_thenItIsRefusedUntilTheWindowPasses() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            HttpResponse<String> wrong = basic("monitor", GUESS);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).doesNotContain(GUESS).doesNotContain(base64("monitor", GUESS));
        }

        HttpResponse<String> right = basic("monitor", "monitor");
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 300L);
        assertThat(right.body()).contains("\"status\":429").doesNotContain("monitor:monitor");
        assertThat(basic("viewer", "viewer").statusCode()).as("other names from the same address").isEqualTo(429);
        assertThat(form("viewer", "viewer").statusCode()).as("the sign-in form").isEqualTo(429);

        clock.advance(java.time.Duration.ofMinutes(5).plusSeconds(1));

        assertThat(basic("monitor", "monitor").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> basic(String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases"))
                .header("Authorization", "Basic " + base64(user, password)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String base64(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
