package org.casetimeline.api.alerts;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
 * queues events here; each stream is written by a thread of its own from the pool, and a stream that falls
 * {@value #MOST_PENDING} events behind is closed, so one stuck client delays neither the other subscribers nor the
 * webhooks.
 */
@RestController
public class AlertStream {

    /** Streams one user may hold open at once: a dashboard or two and a script, not an unbounded number. */
    static final int STREAMS_PER_USER = 5;

    /** Events a stream may have waiting: about a busy hour of alerts; a client further behind is not reading. */
    static final int MOST_PENDING = 200;

    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    /** At most one writing thread per open stream, and streams are bounded per user. */
    private final ExecutorService writers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "alert-stream-writer");
        thread.setDaemon(true);
        return thread;
    });

    @GetMapping(path = "/api/v1/flags/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter subscribe(Authentication authentication) {
        Reader reader = Reader.of(authentication);
        SseEmitter emitter = new SseEmitter(0L);
        open(emitter, reader.name(), reader.clearance());
        return emitter;
    }

    /** Registers a stream and queues its greeting; the emitter is written from then on only by its writer. */
    void open(SseEmitter emitter, String user, Confidentiality clearance) {
        Subscriber subscriber = new Subscriber(emitter, user, clearance);
        synchronized (subscribers) {
            // each open stream holds a connection and is written on every alert: one user cannot hold them all
            if (subscribers.stream().filter(open -> open.user.equals(user)).count() >= STREAMS_PER_USER) {
                throw new InvalidRequest(HttpStatus.TOO_MANY_REQUESTS, null, "at most " + STREAMS_PER_USER
                        + " alert streams may be open for one user; close one first");
            }
            subscribers.add(subscriber);
        }
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        offer(subscriber, SseEmitter.event().comment("subscribed"));
    }

    /** Open streams never end by themselves; closing them lets a shutdown finish at once instead of timing out. */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        // on the writers, as in drop: a send blocked on a stuck client must not hold up the shutdown
        subscribers.forEach(subscriber -> writers.execute(subscriber.emitter::complete));
        subscribers.clear();
        writers.shutdown();
    }

    /**
     * A comment line to every open stream with nothing waiting or being written: a stream whose client has gone fails on the write and
     * is closed, so its place under the per-user limit comes free, and proxies do not cut a quiet stream.
     */
    void heartbeat() {
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.writing.get()) {
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
        if (subscriber.waiting.incrementAndGet() > MOST_PENDING) {
            drop(subscriber);
            return;
        }
        subscriber.pending.add(event);
        if (subscriber.writing.compareAndSet(false, true)) {
            writers.execute(() -> write(subscriber));
        }
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
                try {
                    subscriber.emitter.send(event);
                } catch (IOException | IllegalStateException e) {
                    subscribers.remove(subscriber);
                    subscriber.dropped.set(true);
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
            writers.execute(subscriber.emitter::complete);
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

        Subscriber(SseEmitter emitter, String user, Confidentiality clearance) {
            this.emitter = emitter;
            this.user = user;
            this.clearance = clearance;
        }
    }
}
