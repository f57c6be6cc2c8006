package org.casetimeline.api.security;

import java.util.List;

import org.casetimeline.core.shared.Confidentiality;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Users from configuration ({@code case-timeline.security.users[N].name/.password/.roles/.clearance}), so
 * they can be set as environment variables. Passwords are in Spring's {@code {bcrypt}…} form
 * ({@code {noop}…} for local testing). Without an explicit clearance VIEWER sees public facts and the other
 * roles restricted ones; confidential facts need {@code clearance: confidential}.
 */
@ConfigurationProperties("case-timeline.security")
public record SecurityProperties(List<User> users) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record User(String name, String password, List<Role> roles, Confidentiality clearance) {

        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        public Confidentiality effectiveClearance() {
            if (clearance != null) {
                return clearance;
            }
            return roles.stream().anyMatch(role -> role != Role.VIEWER) ? Confidentiality.RESTRICTED : Confidentiality.PUBLIC;
        }
    }
}
