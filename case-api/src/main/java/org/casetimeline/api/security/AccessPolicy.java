package org.casetimeline.api.security;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import jakarta.servlet.DispatcherType;

/**
 * Who may call which route: the one table both security chains apply and the access-matrix test checks every
 * served route against. Rows are read top-down and the first match decides; a route no row names is denied.
 */
public final class AccessPolicy {

    /** The least a caller needs. Roles imply lower ones: ADMIN &gt; MONITOR, AUDITOR &gt; VIEWER. */
    public enum Access {
        ANYONE, VIEWER, MONITOR, AUDITOR, ADMIN,
        /** Served only to Spring's own error dispatch, never to a request. */
        NOBODY
    }

    /** One row: a method ({@code null} for any) and an ant-style path pattern. */
    public record Rule(HttpMethod method, String pattern, Access access) {
    }

    /** The paths of the machine API's chain (HTTP Basic, no session); every other path is the dashboard's. */
    public static final String[] API_PATHS = {"/api/**", "/actuator/**", "/v3/api-docs/**",
            "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html"};

    /** The machine API, signed in with HTTP Basic. */
    public static final List<Rule> API = List.of(
            new Rule(HttpMethod.GET, "/actuator/health", Access.ANYONE),
            new Rule(HttpMethod.GET, "/actuator/health/**", Access.ANYONE),
            new Rule(HttpMethod.GET, "/v3/api-docs", Access.ANYONE),
            new Rule(HttpMethod.GET, "/v3/api-docs/**", Access.ANYONE),
            new Rule(HttpMethod.GET, "/v3/api-docs.yaml", Access.ANYONE),
            new Rule(HttpMethod.GET, "/swagger-ui.html", Access.ANYONE),
            new Rule(HttpMethod.GET, "/swagger-ui/**", Access.ANYONE),
            // metrics and the rest of actuator describe the deployment, not the cases
            new Rule(null, "/actuator/**", Access.ADMIN),
            new Rule(null, "/api/v1/admin/**", Access.ADMIN),
            // a migration's bulk import writes as much as a year of monitors' work at once
            new Rule(HttpMethod.POST, "/api/v1/imports", Access.ADMIN),
            // the raw history, with who recorded what, is the auditors'
            new Rule(HttpMethod.GET, "/api/v1/cases/*/events", Access.AUDITOR),
            new Rule(HttpMethod.GET, "/api/v1/audit/**", Access.AUDITOR),
            new Rule(HttpMethod.GET, "/api/v1/exports/events", Access.AUDITOR),
            new Rule(HttpMethod.POST, "/api/v1/cases", Access.MONITOR),
            new Rule(HttpMethod.POST, "/api/v1/cases/*/events", Access.MONITOR),
            new Rule(HttpMethod.POST, "/api/v1/facilities", Access.MONITOR),
            new Rule(HttpMethod.GET, "/api/v1/**", Access.VIEWER));

    /** The dashboard, signed in with a form and a session. */
    public static final List<Rule> DASHBOARD = List.of(
            new Rule(null, "/login", Access.ANYONE),
            new Rule(HttpMethod.POST, "/logout", Access.ANYONE),
            new Rule(HttpMethod.GET, "/css/**", Access.ANYONE),
            new Rule(HttpMethod.GET, "/js/**", Access.ANYONE),
            new Rule(HttpMethod.GET, "/favicon.ico", Access.ANYONE),
            new Rule(null, "/error", Access.NOBODY),
            new Rule(HttpMethod.GET, "/cases/*/record", Access.MONITOR),
            new Rule(HttpMethod.POST, "/cases/*/record", Access.MONITOR),
            new Rule(HttpMethod.GET, "/", Access.VIEWER),
            new Rule(HttpMethod.GET, "/cases/*", Access.VIEWER),
            new Rule(HttpMethod.GET, "/flags", Access.VIEWER),
            new Rule(HttpMethod.GET, "/facilities/*", Access.VIEWER));

    private AccessPolicy() {
    }

    /** Lets error pages render for anyone, applies the rows in order, then denies whatever no row names. */
    public static void apply(List<Rule> rules,
                             AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
        for (Rule rule : rules) {
            var matched = rule.method() == null ? routes.requestMatchers(rule.pattern())
                    : routes.requestMatchers(rule.method(), rule.pattern());
            if (rule.access() == Access.ANYONE) {
                matched.permitAll();
            } else if (rule.access() == Access.NOBODY) {
                matched.denyAll();
            } else {
                matched.hasRole(rule.access().name());
            }
        }
        routes.anyRequest().denyAll();
    }

    /**
     * Whether the caller may see who recorded each fact: the organisation's own staff (monitors, who record facts
     * themselves, auditors and admins), not viewers, who only read. Case workers' and lawyers' names are theirs to
     * protect, not every reader's to read.
     */
    public static boolean seesWhoRecorded(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(authority -> Role.MONITOR.authority().equals(authority) || Role.AUDITOR.authority().equals(authority)
                        || Role.ADMIN.authority().equals(authority));
    }
}
