package org.casetimeline.api.security;

import java.util.List;

import org.casetimeline.core.shared.Confidentiality;

/**
 * The documented demo users of the embedded default (README). Created only when no user is configured, the
 * database is the embedded one, and the service listens on loopback: they must never guard real data.
 */
final class DemoUsers {

    private DemoUsers() {
    }

    static List<SecurityProperties.User> all() {
        return List.of(
                new SecurityProperties.User("viewer", "{noop}viewer", List.of(Role.VIEWER), Confidentiality.PUBLIC),
                new SecurityProperties.User("monitor", "{noop}monitor", List.of(Role.MONITOR), Confidentiality.RESTRICTED),
                new SecurityProperties.User("auditor", "{noop}auditor", List.of(Role.AUDITOR), Confidentiality.RESTRICTED),
                new SecurityProperties.User("admin", "{noop}admin", List.of(Role.ADMIN), Confidentiality.CONFIDENTIAL));
    }
}
