package org.casetimeline.api.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.casetimeline.api.cases.CaseController;
import org.casetimeline.api.cases.CaseRecorder;
import org.casetimeline.api.security.Reader;
import org.casetimeline.projections.recording.StoredResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/imports} (ADMIN), {@code application/x-ndjson}: one request is one batch, stored whole
 * or not at all. Split a large file into requests of at most {@code case-timeline.imports.max-lines} lines. With an
 * {@code Idempotency-Key}, a batch resent after a lost answer is stored once and answered as the first time.
 */
@RestController
@RequestMapping("/api/v1/imports")
public class ImportController {

    private final Importer importer;
    private final CaseRecorder recorder;
    private final JsonMapper json;

    public ImportController(Importer importer, CaseRecorder recorder, JsonMapper json) {
        this.importer = importer;
        this.recorder = recorder;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_NDJSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> importBatch(InputStream body,
                                              @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                              Authentication authentication) throws IOException {
        Reader who = Reader.of(authentication);
        // read whole before anything is stored (at most the body limit): a slow upload would otherwise hold a
        // transaction, a pooled connection and its cases' append locks while it trickled in; and a key's claim names
        // the whole batch
        byte[] batch = body.readAllBytes();
        if (key == null || key.isBlank()) {
            return CaseController.answer(stored(who, new ByteArrayInputStream(batch)));
        }
        String fingerprint = "POST /imports\n" + CaseRecorder.sha256(batch);
        return CaseController.answer(recorder.once(who.name(), key, fingerprint,
                () -> stored(who, new ByteArrayInputStream(batch))));
    }

    private StoredResponse stored(Reader who, InputStream body) {
        try (body) {
            return new StoredResponse(HttpStatus.CREATED.value(),
                    json.writeValueAsString(importer.importBatch(who, new NdjsonLines(body))), null, null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
