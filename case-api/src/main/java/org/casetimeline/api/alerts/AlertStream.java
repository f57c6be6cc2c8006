package org.casetimeline.api.alerts;

import java.io.IOException;
import java.util.concurrent.CopyOnWriteArrayList;

import org.casetimeline.api.security.Reader;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.projections.alerts.AlertOutbox.Alert;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Server-sent events: every finding that opens or escalates, as the subscriber's clearance may see it. */
@RestController
public class AlertStream {

    private record Subscriber(SseEmitter emitter, Confidentiality clearance) {
    }

    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    @GetMapping(path = "/api/v1/flags/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter subscribe(Authentication authentication) throws IOException {
        SseEmitter emitter = new SseEmitter(0L);
        Subscriber subscriber = new Subscriber(emitter, Reader.of(authentication).clearance());
        subscribers.add(subscriber);
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

    void publish(Alert alert) {
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
