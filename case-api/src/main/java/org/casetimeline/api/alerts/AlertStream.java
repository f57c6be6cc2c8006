package org.casetimeline.api.alerts;

import java.io.IOException;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.casetimeline.api.problem.InvalidRequest;
import org.casetimeline.api.security.Reader;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.projections.alerts.AlertOutbox.Alert;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * Server-sent events: every finding that opens or escalates, as the subscriber's clearance may see it.
 *
 * <p>A write to a client that stopped reading blocks once the connection's buffers are full. So the dispatcher only
 * queues events here, and each stream is written by a thread of the pool, one at a time. A stream whose write has been
 * blocked for {@link #STALLED} is closed (found by the next alert or keep-alive), and so is one with
 * {@value #MOST_PENDING} events waiting: one stuck client delays neither the other subscribers nor the webhooks, and a
 * burst (an import that opens many findings) reaches a client that reads.
 */
@RestController
public class AlertStream {

    /** Streams one user may hold open at once: a dashboard or two and a script, not an unbounded number. */
    static final int STREAMS_PER_USER = 5;

    /** How long one write may wait on its client before the stream is closed; a reading client takes milliseconds. */
    static final Duration STALLED = Duration.ofSeconds(30);

    /** Events a stream may have waiting: ten of the dispatcher's pages, to bound the memory a stuck stream holds. */
    static final int MOST_PENDING = 5_000;

    private static final long NOT_WRITING = Long.MIN_VALUE;

    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    /**
     * One writer at a time per open stream. A closed stream's writer may stay blocked until the server's own write
     * timeout ends the connection, so threads can outnumber open streams for that long.
     */
    private final ExecutorService writers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "alert-stream-writer");
        thread.setDaemon(true);
        return thread;
    });

    private final LongSupplier nanoTime;
    private volatile boolean closed;

    public AlertStream() {
        this(System::nanoTime);
    }

    /** With the clock that times a blocked write: tests move it. */
    AlertStream(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @GetMapping(path = "/api/v1/flags/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter subscribe(Authentication authentication) {
        Reader reader = Reader.of(authentication);
        SseEmitter emitter = new SseEmitter(0L);
        open(emitter, reader.name(), reader.clearance());
        return emitter;
    }

    /** Registers a stream, its greeting first; the emitter is written from then on only by its writer. */
    void open(SseEmitter emitter, String user, Confidentiality clearance) {
        Subscriber subscriber = new Subscriber(emitter, user, clearance);
        // before the first write: registering a callback takes the emitter's write lock, which a blocked write holds
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        synchronized (subscribers) {
            // each open stream holds a connection and is written on every alert: one user cannot hold them all
            if (subscribers.stream().filter(open -> open.user.equals(user)).count() >= STREAMS_PER_USER) {
                throw new InvalidRequest(HttpStatus.TOO_MANY_REQUESTS, null, "at most " + STREAMS_PER_USER
                        + " alert streams may be open for one user; close one first");
            }
            if (closed) {
                emitter.complete();
                return;
            }
            offer(subscriber, SseEmitter.event().comment("subscribed"));
            subscribers.add(subscriber);
        }
    }

    /** Open streams never end by themselves; closing them lets a shutdown finish at once instead of timing out. */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        synchronized (subscribers) {
            closed = true;
            // on the writers, as in drop: a send blocked on a stuck client must not hold up the shutdown
            subscribers.forEach(subscriber -> execute(subscriber, subscriber.emitter::complete));
            subscribers.clear();
        }
        writers.shutdown();
    }

    /**
     * A comment line to every open stream not being written: a stream whose client has gone fails on the write and is
     * closed, so its place under the per-user limit comes free, and proxies do not cut a quiet stream. A stream whose
     * write has stalled is closed here too, even when no alert comes to find it.
     */
    void heartbeat() {
        for (Subscriber subscriber : subscribers) {
            if (stalled(subscriber)) {
                drop(subscriber);
            } else if (!subscriber.writing.get()) {
                offer(subscriber, SseEmitter.event().comment("keep-alive"));
            }
        }
    }

    void publish(Alert alert) {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.clearance.name().equals(alert.clearance())) {
                offer(subscriber, SseEmitter.event().id(Long.toString(alert.alertId()))
                        .name("finding-" + alert.change().toLowerCase()).data(alert, MediaType.APPLICATION_JSON));
            }
        }
    }

    int openStreams() {
        return subscribers.size();
    }

    private void offer(Subscriber subscriber, SseEventBuilder event) {
        if (subscriber.waiting.incrementAndGet() > MOST_PENDING || stalled(subscriber)) {
            drop(subscriber);
            return;
        }
        subscriber.pending.add(event);
        if (subscriber.writing.compareAndSet(false, true)) {
            execute(subscriber, () -> write(subscriber));
        }
    }

    private boolean stalled(Subscriber subscriber) {
        long since = subscriber.writingSince;
        return since != NOT_WRITING && nanoTime.getAsLong() - since > STALLED.toNanos();
    }

    /** Runs on a writer thread: sends what is waiting, in order, until nothing is. */
    private void write(Subscriber subscriber) {
        while (true) {
            SseEventBuilder event;
            while ((event = subscriber.pending.poll()) != null) {
                subscriber.waiting.decrementAndGet();
                if (subscriber.dropped.get()) {
                    continue;
                }
                subscriber.writingSince = nanoTime.getAsLong();
                try {
                    subscriber.emitter.send(event);
                } catch (IOException | IllegalStateException e) {
                    subscribers.remove(subscriber);
                    subscriber.dropped.set(true);
                } finally {
                    subscriber.writingSince = NOT_WRITING;
                }
            }
            subscriber.writing.set(false);
            // an event offered after the last poll but before the flag fell finds no writer: take it up here
            if (subscriber.pending.isEmpty() || !subscriber.writing.compareAndSet(false, true)) {
                return;
            }
        }
    }

    /** A client that stopped reading: its stream ends (it may reconnect) and its queue is let go. */
    private void drop(Subscriber subscriber) {
        subscribers.remove(subscriber);
        if (subscriber.dropped.compareAndSet(false, true)) {
            subscriber.pending.clear();
            // completing takes the emitter's write lock, which a blocked send holds: never on the caller's thread
            execute(subscriber, subscriber.emitter::complete);
        }
    }

    private void execute(Subscriber subscriber, Runnable task) {
        try {
            writers.execute(task);
        } catch (RejectedExecutionException shuttingDown) {
            subscriber.writing.set(false);
        }
    }

    private static final class Subscriber {
        final SseEmitter emitter;
        final String user;
        final Confidentiality clearance;
        final Queue<SseEventBuilder> pending = new ConcurrentLinkedQueue<>();
        final AtomicInteger waiting = new AtomicInteger();
        final AtomicBoolean writing = new AtomicBoolean();
        final AtomicBoolean dropped = new AtomicBoolean();
        volatile long writingSince = NOT_WRITING;

        Subscriber(SseEmitter emitter, String user, Confidentiality clearance) {
            this.emitter = emitter;
            this.user = user;
            this.clearance = clearance;
        }
    }
}
