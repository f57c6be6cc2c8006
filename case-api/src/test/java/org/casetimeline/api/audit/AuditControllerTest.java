package org.casetimeline.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.casetimeline.api.problem.InvalidRequest;
import org.casetimeline.projections.audit.ChainReport;
import org.casetimeline.projections.audit.ChainVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class AuditControllerTest {

    /** A verification reads the whole store: a second ask while one runs is refused with 429, not run beside it. */
    @Test
    void givenAVerificationRunning_whenAnotherIsAsked_thenItIsRefusedWith429_andOnceTheFirstEndsTheNextRuns() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ChainVerifier verifier = new ChainVerifier(null, Clock.systemUTC()) {
            @Override
            public ChainReport verify(List<String> publishedRoots) {
                running.countDown();
                try {
                    finish.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new ChainReport(Instant.EPOCH, 0, 0, "", 0, 0, List.of(), true);
            }
        };
        AuditController controller = new AuditController(verifier, null, null);

        CompletableFuture<ChainReport> first = CompletableFuture.supplyAsync(() -> controller.verify(null));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50);
        assertThatThrownBy(() -> controller.verify(null)).isInstanceOfSatisfying(InvalidRequest.class, refused -> {
            assertThat(refused.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            // none has ended yet: as long again as this one has run
            assertThat(refused.retryAfter()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        });

        finish.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).intact()).isTrue();
        assertThat(controller.verify(null).intact()).isTrue();
    }

    /** Asked while one runs, the refusal's Retry-After is what the last run's length (2 s) leaves of the running one (just begun). */
    @Test
    void givenALongVerificationEnded_whenAnotherIsRefused_thenRetryAfterIsWhatItsLengthLeavesOfTheRunningOne() throws Exception {
        CountDownLatch running = new CountDownLatch(2);
        long[] takes = {2_000, 30_000};
        CountDownLatch finish = new CountDownLatch(1);
        ChainVerifier verifier = new ChainVerifier(null, Clock.systemUTC()) {
            private int run;

            @Override
            public ChainReport verify(List<String> publishedRoots) {
                long millis = takes[run++];
                running.countDown();
                try {
                    finish.await(millis, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new ChainReport(Instant.EPOCH, 0, 0, "", 0, 0, List.of(), true);
            }
        };
        AuditController controller = new AuditController(verifier, null, null);
        controller.verify(null);

        CompletableFuture<ChainReport> second = CompletableFuture.supplyAsync(() -> controller.verify(null));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> controller.verify(null)).isInstanceOfSatisfying(InvalidRequest.class,
                refused -> assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3)));
        finish.countDown();
        second.get(30, TimeUnit.SECONDS);
    }

    /** A malformed root is refused before any verification is begun or counted. */
    @Test
    void givenAMalformedRoot_whenVerifyIsAsked_thenItIsRefusedWith400() {
        AuditController controller = new AuditController(new ChainVerifier(null, Clock.systemUTC()), null, null);

        assertThatThrownBy(() -> controller.verify(List.of("not a root"))).isInstanceOfSatisfying(InvalidRequest.class,
                refused -> assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }
}
