package org.casetimeline.api.dashboard;

import org.casetimeline.api.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Sign-in for people: a form and a session over the same users, roles and clearances as the API. This chain
 * takes every path the API chain does not; it names the API's paths itself (rather than matching any request)
 * so the two chains never overlap whatever order Spring sorts them in.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardSecurity {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain dashboard(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        var apiPaths = new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/actuator/**"),
                path.matcher("/v3/api-docs/**"), path.matcher("/swagger-ui/**"), path.matcher("/swagger-ui.html"));
        http.securityMatcher(new NegatedRequestMatcher(apiPaths))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").permitAll())
                .authorizeHttpRequests(routes -> routes
                        .requestMatchers("/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/cases/*/record").hasRole(Role.MONITOR.name())
                        .requestMatchers(HttpMethod.POST, "/cases/*/record").hasRole(Role.MONITOR.name())
                        .requestMatchers(HttpMethod.GET, "/", "/cases/**", "/flags", "/facilities/**")
                        .hasRole(Role.VIEWER.name())
                        .anyRequest().denyAll());
        return http.build();
    }
}
