package org.casetimeline.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session with the dashboard, without a browser: signed in through the login form (the dashboard takes no
 * basic authentication), its cookie kept, redirects not followed, and the CSRF token its forms carry.
 */
public final class DashboardSession {

    private final HttpClient client;
    private final int port;
    private String csrf;

    private DashboardSession(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A session nobody has signed in to: it holds the login page's CSRF token. */
    public static DashboardSession anonymous(int port) {
        DashboardSession session = new DashboardSession(port);
        session.csrf = csrf(session.get("/login").body());
        return session;
    }

    /** A session signed in as the test user of this name (whose password is the name). */
    public static DashboardSession signIn(int port, String user) {
        DashboardSession session = anonymous(port);
        String form = "username=" + user + "&password=" + user + "&_csrf=" + URLEncoder.encode(session.csrf, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = session.send(HttpRequest.newBuilder(session.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).as(user).doesNotContain("error");
        session.csrf = csrf(session.get("/").body());
        return session;
    }

    public HttpClient client() {
        return client;
    }

    public String csrf() {
        return csrf;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).build());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String csrf(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return token.group(1);
    }
}
