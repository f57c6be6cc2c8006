package org.casetimeline.api.security;

/**
 * What a user may do. VIEWER reads projections; MONITOR also records cases, facilities and facts; AUDITOR
 * also reads the raw history; ADMIN does everything and operates the service.
 */
public enum Role {
    VIEWER, MONITOR, AUDITOR, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
