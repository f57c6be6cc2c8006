package org.casetimeline.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import org.casetimeline.api.problem.ProblemWriter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;

import tools.jackson.databind.json.JsonMapper;

/** One account, one count of failures, however its name is written. */
class SignInThrottleTest {

    private final SignInThrottle throttle = new SignInThrottle(3, Duration.ofMinutes(5),
            Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC), new ProblemWriter(JsonMapper.builder().build()));

    @Test
    void givenFailuresUnderTheNameWrittenThreeWays_whenTheAccountSignsInFromElsewhere_thenItIsThrottled() throws Exception {
        // the user store matches names whatever their case, and the sign-in form trims them
        for (String name : List.of("Monitor", "MONITOR", " monitor")) {
            throttle.failed(new AuthenticationFailureBadCredentialsEvent(
                    UsernamePasswordAuthenticationToken.unauthenticated(name, "guess"), new BadCredentialsException("bad")));
        }
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/cases");
        request.setRemoteAddr("10.0.0.9");
        request.addHeader("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("monitor:monitor".getBytes(StandardCharsets.UTF_8)));
        MockHttpServletResponse response = new MockHttpServletResponse();

        throttle.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(429);
    }

    @Test
    void givenFailuresForAnAccount_whenTheFormIsSentItsNameBehindAControlCharacter_thenItIsThrottled() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            throttle.failed(new AuthenticationFailureBadCredentialsEvent(
                    UsernamePasswordAuthenticationToken.unauthenticated("monitor", "guess"), new BadCredentialsException("bad")));
        }
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setServletPath("/login");
        request.setRemoteAddr("10.0.0.10");
        request.addParameter("username", "\u0001monitor"); // the form's filter trims it to the account's name
        request.addParameter("password", "monitor");
        MockHttpServletResponse response = new MockHttpServletResponse();

        throttle.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(429);
    }
}
