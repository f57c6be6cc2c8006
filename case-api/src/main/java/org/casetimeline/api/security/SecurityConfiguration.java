package org.casetimeline.api.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.casetimeline.api.problem.ProblemWriter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/** HTTP Basic over users from configuration; the route policy lives here, in one place. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems) throws Exception {
        http.securityMatcher(AccessPolicy.API_PATHS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problems.write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required",
                                "Sign in with HTTP Basic.", null)))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) ->
                        problems.write(request, response, HttpStatus.FORBIDDEN, "Not allowed",
                                "Your role does not allow this request.", null)))
                .headers(SecurityHeaders.api())
                .authorizeHttpRequests(routes -> AccessPolicy.apply(AccessPolicy.API, routes));
        return http.build();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.MONITOR.name(), Role.AUDITOR.name())
                .role(Role.MONITOR.name()).implies(Role.VIEWER.name())
                .role(Role.AUDITOR.name()).implies(Role.VIEWER.name())
                .build();
    }

    /** Stored hashes stay bcrypt; a matched password is remembered for five minutes (see VerifiedPasswords). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder(), java.time.Duration.ofMinutes(5));
    }

    @Bean
    UserDetailsService users(SecurityProperties properties, Environment environment,
                             ObjectProvider<EmbeddedPostgres> embeddedDatabase) {
        List<SecurityProperties.User> configured = properties.users();
        if (configured.isEmpty()) {
            String serverAddress = environment.getProperty("server.address", "");
            if (embeddedDatabase.getIfAvailable() == null || !isLoopback(serverAddress)) {
                throw new IllegalStateException("No users are configured (case-timeline.security.users[N].name, "
                        + ".password, .roles). Demo users exist only on the embedded default listening on loopback, "
                        + "not on '" + serverAddress + "'.");
            }
            log.warn("No users configured: creating the demo users viewer, monitor, auditor and admin (see README). "
                    + "They exist only because the service uses the embedded database and listens on {}.", serverAddress);
            configured = DemoUsers.all();
        }
        List<UserDetails> users = new ArrayList<>();
        for (SecurityProperties.User user : configured) {
            if (user.name() == null || user.password() == null || user.roles().isEmpty()) {
                throw new IllegalStateException("Every configured user needs a name, a password and at least one role");
            }
            List<SimpleGrantedAuthority> authorities = new ArrayList<>();
            user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
            authorities.add(new SimpleGrantedAuthority(Reader.CLEARANCE_PREFIX + user.effectiveClearance().name()));
            users.add(User.withUsername(user.name()).password(user.password()).authorities(authorities).build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
