package org.casetimeline.api.dashboard;

import java.util.Arrays;

import org.casetimeline.api.security.AccessPolicy;
import org.casetimeline.api.security.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sign-in for people: a form and a session over the same users, roles and clearances as the API. This chain
 * takes every path the API chain does not; it negates the API's paths (rather than matching any request) so
 * the two chains never overlap whatever order Spring sorts them in. Who may open what is {@link AccessPolicy}.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardSecurity {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain dashboard(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        var apiPaths = new OrRequestMatcher(Arrays.stream(AccessPolicy.API_PATHS)
                .<RequestMatcher>map(path::matcher).toList());
        http.securityMatcher(new NegatedRequestMatcher(apiPaths))
                .headers(SecurityHeaders.dashboard())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").permitAll())
                .authorizeHttpRequests(routes -> AccessPolicy.apply(AccessPolicy.DASHBOARD, routes));
        return http.build();
    }
}
