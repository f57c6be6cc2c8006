package org.casetimeline.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.EmbeddedServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Both chains answer with headers that keep pages out of frames, caches, other origins and sniffing. */
@EmbeddedServiceTest
class SecurityHeadersIT {

    @LocalServerPort
    int port;

    @Test
    void theApiSetsTheSecurityHeaders_evenOnARefusal() {
        ApiClient api = new ApiClient(port);
        for (ApiClient.Response response : new ApiClient.Response[] {api.get("viewer", "/api/v1/cases"),
                api.get(null, "/api/v1/cases")}) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Cache-Control")).contains("no-store");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
            assertThat(response.header("Permissions-Policy")).contains("geolocation=()");
        }
    }

    @Test
    void theDashboardAllowsOnlyItsOwnScriptsAndStyles() {
        ApiClient.Response login = new ApiClient(port).get(null, "/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.DASHBOARD_POLICY)
                .contains("default-src 'none'").doesNotContain("unsafe-inline");
        assertThat(login.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(login.header("Referrer-Policy")).isEqualTo("no-referrer");
    }
}
