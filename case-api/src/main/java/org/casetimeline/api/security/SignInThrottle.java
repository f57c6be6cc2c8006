package org.casetimeline.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.casetimeline.api.problem.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Slows password guessing: after {@code max-failures} failed sign-ins within {@code window}, from one address or
 * for one user name, further attempts from that address or for that name are refused with 429 and Retry-After
 * until the oldest failure leaves the window. The password is not even checked then, so a guess cannot succeed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class SignInThrottle extends OncePerRequestFilter {

    /** Entries are pruned once the table grows past this, so a spray of names cannot exhaust memory. */
    private static final int PRUNE_ABOVE = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final ProblemWriter problems;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public SignInThrottle(@Value("${case-timeline.security.sign-in.max-failures:10}") int maxFailures,
                          @Value("${case-timeline.security.sign-in.window:PT5M}") Duration window,
                          Clock clock, ProblemWriter problems) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = attemptedUser(request);
        if (user != null) {
            Duration wait = longestWait(addressKey(request.getRemoteAddr()), userKey(user));
            if (!wait.isZero()) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
                problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many sign-in attempts",
                        "Too many failed sign-ins from this address or for this user; try again later.", null);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Instant now = clock.instant();
        record(userKey(event.getAuthentication().getName()), now);
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            record(addressKey(details.getRemoteAddress()), now);
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        // the address keeps its count: one valid account must not reset a spray from the same place
        failures.remove(userKey(event.getAuthentication().getName()));
    }

    private void record(String key, Instant now) {
        if (failures.size() > PRUNE_ABOVE) {
            failures.entrySet().removeIf(entry -> expired(entry.getValue(), now));
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (times.size() > maxFailures) {
                times.removeFirst();
            }
        }
    }

    private Duration longestWait(String... keys) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys) {
            Deque<Instant> times = failures.get(key);
            if (times == null) {
                continue;
            }
            synchronized (times) {
                if (times.size() >= maxFailures) {
                    Duration wait = Duration.between(now, times.peekFirst().plus(window));
                    if (wait.compareTo(longest) > 0) {
                        longest = wait;
                    }
                }
            }
        }
        return longest;
    }

    private boolean expired(Deque<Instant> times, Instant now) {
        synchronized (times) {
            return times.isEmpty() || !times.peekLast().plus(window).isAfter(now);
        }
    }

    /** The name a request tries to sign in as: HTTP Basic on any route, or the sign-in form. */
    private static String attemptedUser(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            String name = request.getParameter("username");
            return name == null ? "" : name;
        }
        return null;
    }

    /**
     * One key per account however its name is written: the user store matches names regardless of case, and the
     * sign-in form trims them (control characters too), so "Monitor", " monitor" and "\u0001monitor" would each have had
     * ten failures of their own.
     */
    private static String userKey(String name) {
        return "user:" + (name == null ? "" : name.trim().strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
