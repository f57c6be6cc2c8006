package org.casetimeline.api.admin;

import java.util.List;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.casetimeline.api.problem.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilds a read model by replay (ADMIN): its processor stops, its tokens reset (its reset handler empties its
 * tables) and it replays the store from the start while the service keeps answering. A reset that fails (another
 * node holds a segment: 409) leaves the projection running as before.
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
public class ProjectionAdminController {

    private final EventProcessingConfiguration processing;

    public ProjectionAdminController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** {@code position}: the global index of the last event every segment has handled, -1 before the first. */
    public record ProjectionState(String name, boolean running, boolean rebuilding, long position) {
    }

    @GetMapping
    public List<ProjectionState> projections() {
        return processing.eventProcessors().values().stream()
                .filter(TrackingEventProcessor.class::isInstance).map(TrackingEventProcessor.class::cast)
                .map(p -> new ProjectionState(p.getName(), p.isRunning(), p.isReplaying(), position(p)))
                .sorted(java.util.Comparator.comparing(ProjectionState::name))
                .toList();
    }

    private static long position(TrackingEventProcessor processor) {
        var segments = processor.processingStatus().values();
        if (segments.isEmpty()) {
            return -1;
        }
        return segments.stream().mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    @PostMapping("/{name}/replay")
    public ResponseEntity<Map<String, Object>> replay(@PathVariable String name) {
        TrackingEventProcessor processor = processing.eventProcessor(name, TrackingEventProcessor.class)
                .orElseThrow(() -> new NotFound("No projection named '" + name + "'."));
        processor.shutDown();
        try {
            processor.resetTokens();
        } finally {
            // a refused reset (another node's claim, a timeout) changed nothing: the projection runs on from where it was
            processor.start();
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("name", name, "rebuilding", true));
    }
}
