package org.casetimeline.api.alerts;

import java.io.IOException;
import java.util.concurrent.CopyOnWriteArrayList;

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

/** Server-sent events: every finding that opens or escalates, as the subscriber's clearance may see it. */
@RestController
public class AlertStream {

    /** Streams one user may hold open at once: a dashboard or two and a script, not an unbounded number. */
    static final int STREAMS_PER_USER = 5;

    private record Subscriber(SseEmitter emitter, String user, Confidentiality clearance) {
    }

    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    @GetMapping(path = "/api/v1/flags/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter subscribe(Authentication authentication) throws IOException {
        Reader reader = Reader.of(authentication);
        SseEmitter emitter = new SseEmitter(0L);
        Subscriber subscriber = new Subscriber(emitter, reader.name(), reader.clearance());
        synchronized (subscribers) {
            // each open stream holds a connection and is written on every alert: one user cannot hold them all
            if (subscribers.stream().filter(open -> open.user().equals(reader.name())).count() >= STREAMS_PER_USER) {
                throw new InvalidRequest(HttpStatus.TOO_MANY_REQUESTS, null, "at most " + STREAMS_PER_USER
                        + " alert streams may be open for one user; close one first");
            }
            subscribers.add(subscriber);
        }
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        emitter.send(SseEmitter.event().comment("subscribed"));
        return emitter;
    }

    /** Open streams never end by themselves; closing them lets a shutdown finish at once instead of timing out. */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        subscribers.forEach(subscriber -> subscriber.emitter().complete());
        subscribers.clear();
    }

    /**
     * A comment line to every open stream: a stream whose client has gone fails on the write and is closed, so its
     * place under the per-user limit comes free, and proxies do not cut a quiet stream.
     */
    synchronized void heartbeat() {
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.emitter().send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(subscriber);
            }
        }
    }

    synchronized void publish(Alert alert) {
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.clearance().name().equals(alert.clearance())) {
                continue;
            }
            try {
                subscriber.emitter().send(SseEmitter.event().id(Long.toString(alert.alertId()))
                        .name("finding-" + alert.change().toLowerCase()).data(alert, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(subscriber);
            }
        }
    }
}
