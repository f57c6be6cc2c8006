package org.casetimeline.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletResponse;

class ProblemAdviceTest {

    private final ProblemAdvice advice = new ProblemAdvice();

    @Test
    void givenABusyRefusal_whenAnswered_then429WithRetryAfterInWholeSecondsRoundedUp() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        ProblemDetail problem = advice.invalid(InvalidRequest.busy("busy", Duration.ofMillis(2_100)), response);

        assertThat(problem.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS.value());
        assertThat(response.getHeader("Retry-After")).isEqualTo("3");
    }

    @Test
    void givenABusyRefusalAboutToPass_whenAnswered_thenRetryAfterIsAtLeastASecond() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        advice.invalid(InvalidRequest.busy("busy", Duration.ZERO), response);

        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
    }

    @Test
    void givenARefusalThatTimeDoesNotLift_whenAnswered_thenNoRetryAfter() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        ProblemDetail problem = advice.invalid(InvalidRequest.malformed("root", "not a root"), response);

        assertThat(problem.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST.value());
        assertThat(response.getHeader("Retry-After")).isNull();
    }
}
