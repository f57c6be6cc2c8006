package org.casetimeline.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.projections.alerts.AlertOutbox.Alert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** One client that stops reading must not hold back the alerts of everyone else, and a burst must reach those who read. */
// a call that waits on the stuck client fails the test instead of hanging the build, even waiting on a lock
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AlertStreamTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AlertStream stream = new AlertStream(nanos::get);
    private final CountDownLatch unblock = new CountDownLatch(1);

    @AfterEach
    void releaseStuckWriters() {
        unblock.countDown();
        stream.closeStreams();
    }

    @Test
    void givenASubscriberWhoseClientStoppedReading_whenAlertsArePublished_thenThePublisherGoesOn_andOthersGetThemInOrder()
            throws Exception {
        ClientEmitter stuck = new ClientEmitter(unblock);
        ClientEmitter reading = new ClientEmitter(null);
        stream.open(stuck, "script", Confidentiality.PUBLIC);
        stream.open(reading, "dashboard", Confidentiality.PUBLIC);
        assertThat(stuck.blocked.await(10, TimeUnit.SECONDS)).as("the stuck client's first write blocks").isTrue();

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (long id = 1; id <= 3; id++) {
                stream.publish(alert(id, "PUBLIC"));
            }
            stream.heartbeat();
        }, "publishing waited on the client that stopped reading");

        await(() -> reading.sent.size() >= 4);
        assertThat(reading.sent.get(0)).isEqualTo("subscribed");
        assertThat(alertIds(reading)).containsExactly("1", "2", "3");
        assertThat(stuck.completed).as("a write blocked for less than the stall limit keeps its stream").isFalse();
        assertThat(stream.openStreams()).isEqualTo(2);
    }

    /** An import that opens many findings at once: the dispatcher queues a page of 500 in microseconds. */
    @Test
    void givenABurstOfAlerts_whenPublishedFasterThanTheyAreWritten_thenAReadingClientGetsEveryOne() throws Exception {
        ClientEmitter reading = new ClientEmitter(null);
        stream.open(reading, "dashboard", Confidentiality.RESTRICTED);
        for (long id = 1; id <= 2_000; id++) {
            stream.publish(alert(id, "RESTRICTED"));
        }
        await(() -> reading.sent.size() == 2_001);
        assertThat(alertIds(reading)).containsExactlyElementsOf(LongStream.rangeClosed(1, 2_000).mapToObj(Long::toString).toList());
        assertThat(stream.openStreams()).isEqualTo(1);
    }

    @Test
    void givenAWriteBlockedPastTheStallLimit_whenTheKeepAliveComes_thenTheStreamIsClosedOffTheCallersThread_andItsPlaceFreed()
            throws Exception {
        ClientEmitter stuck = new ClientEmitter(unblock);
        stream.open(stuck, "script", Confidentiality.RESTRICTED);
        assertThat(stuck.blocked.await(10, TimeUnit.SECONDS)).isTrue();

        nanos.addAndGet(AlertStream.STALLED.toNanos() - 1);
        stream.heartbeat();
        assertThat(stream.openStreams()).as("not yet stalled").isEqualTo(1);

        nanos.addAndGet(2);
        // the emitter's completion waits for the write lock the blocked send holds: it must not be taken here
        assertTimeoutPreemptively(Duration.ofSeconds(10), stream::heartbeat);
        assertThat(stream.openStreams()).isZero();
        assertThat(stuck.completed).as("completed only once the blocked write lets go").isFalse();
        unblock.countDown();
        await(() -> stuck.completed);

        for (int i = 0; i < AlertStream.STREAMS_PER_USER; i++) {
            stream.open(new ClientEmitter(null), "script", Confidentiality.RESTRICTED);
        }
        assertThat(stream.openStreams()).isEqualTo(AlertStream.STREAMS_PER_USER);
    }

    @Test
    void givenAStuckClientWithTheMostEventsWaiting_whenAnotherAlertArrives_thenItsStreamIsClosed() throws Exception {
        ClientEmitter stuck = new ClientEmitter(unblock);
        stream.open(stuck, "script", Confidentiality.PUBLIC);
        assertThat(stuck.blocked.await(10, TimeUnit.SECONDS)).isTrue();

        for (long id = 1; id <= AlertStream.MOST_PENDING; id++) {
            stream.publish(alert(id, "PUBLIC"));
        }
        assertThat(stream.openStreams()).isEqualTo(1);
        stream.publish(alert(AlertStream.MOST_PENDING + 1, "PUBLIC"));
        assertThat(stream.openStreams()).isZero();
        unblock.countDown();
        await(() -> stuck.completed);
        assertThat(stuck.sent).as("what was waiting is let go, not written").containsExactly("subscribed");
    }

    @Test
    void givenAStreamBeingWritten_whenHeartbeatsFall_thenNoneQueueBehindTheWrite() throws Exception {
        ClientEmitter stuck = new ClientEmitter(unblock);
        stream.open(stuck, "script", Confidentiality.PUBLIC);
        assertThat(stuck.blocked.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 100; i++) {
            stream.heartbeat();
        }
        unblock.countDown();
        await(() -> stuck.sent.size() == 1);
        assertThat(stream.openStreams()).isEqualTo(1);
        assertThat(stuck.sent).containsExactly("subscribed");
    }

    @Test
    void givenSubscribersAtTwoLevels_whenAnAlertIsPublished_thenOnlyTheLevelItWasRaisedForGetsIt() throws Exception {
        ClientEmitter publicReader = new ClientEmitter(null);
        ClientEmitter confidentialReader = new ClientEmitter(null);
        stream.open(publicReader, "viewer", Confidentiality.PUBLIC);
        stream.open(confidentialReader, "admin", Confidentiality.CONFIDENTIAL);
        stream.publish(alert(7, "CONFIDENTIAL"));
        await(() -> confidentialReader.sent.contains("7"));
        stream.publish(alert(8, "PUBLIC"));
        await(() -> publicReader.sent.contains("8"));
        assertThat(publicReader.sent).doesNotContain("7");
    }

    @Test
    void givenTheServiceClosing_whenAStreamWouldOpen_thenItIsEndedAtOnce() {
        stream.closeStreams();
        ClientEmitter late = new ClientEmitter(null);
        stream.open(late, "viewer", Confidentiality.PUBLIC);
        stream.publish(alert(9, "PUBLIC"));
        assertThat(stream.openStreams()).isZero();
        assertThat(late.completed).isTrue();
    }

    private static List<String> alertIds(ClientEmitter client) {
        return client.sent.stream().filter(line -> line.matches("\\d+")).collect(Collectors.toList());
    }

    private static Alert alert(long id, String clearance) {
        return new Alert(id, "0a0b0c0d-0000-4000-8000-000000000001", clearance, "OPENED", "MR68-TRANSFER-NOTICE",
                "HIGH", "FLAG", null, Instant.parse("2026-11-25T00:00:00Z"));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /**
     * Records what reaches the client: an alert by its id, a comment by its text. Like the real emitter it holds the
     * write lock while it sends and takes it to complete, and while its client reads nothing a send blocks.
     */
    private static final class ClientEmitter extends SseEmitter {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final CountDownLatch blocked = new CountDownLatch(1);
        private final CountDownLatch readAgain;
        volatile boolean completed;

        ClientEmitter(CountDownLatch readAgain) {
            super(0L);
            this.readAgain = readAgain;
        }

        @Override
        public void send(SseEventBuilder event) throws IOException {
            writeLock.lock();
            try {
                blocked.countDown();
                if (readAgain != null) {
                    readAgain.await();
                }
                String text = event.build().stream().map(part -> String.valueOf(part.getData())).collect(Collectors.joining());
                sent.add(text.startsWith(":") ? text.substring(1).strip() : text.replaceAll("(?s).*id:(\\d+).*", "$1"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            } finally {
                writeLock.unlock();
            }
        }

        @Override
        public void complete() {
            writeLock.lock();
            try {
                completed = true;
            } finally {
                writeLock.unlock();
            }
        }
    }
}
