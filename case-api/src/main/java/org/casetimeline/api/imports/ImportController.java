package org.casetimeline.api.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.casetimeline.api.security.Reader;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/imports} (ADMIN), {@code application/x-ndjson}: one request is one batch, stored whole
 * or not at all. Split a large file into requests of at most {@code case-timeline.imports.max-lines} lines.
 */
@RestController
@RequestMapping("/api/v1/imports")
public class ImportController {

    private final Importer importer;

    public ImportController(Importer importer) {
        this.importer = importer;
    }

    @PostMapping(consumes = MediaType.APPLICATION_NDJSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ImportResult> importBatch(InputStream body, Authentication authentication) throws IOException {
        Reader who = Reader.of(authentication);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.CREATED).body(importer.importBatch(who.name(), lines));
        }
    }
}
