package org.casetimeline.api.imports;

import org.springframework.http.HttpStatus;

/**
 * A batch refused because of one line (its number, the field at fault and why), or as a whole when its events met
 * another writer's at the end (no line). Nothing of the batch is stored.
 */
public class ImportRefused extends RuntimeException {

    private final Long line;
    private final HttpStatus status;
    private final String field;
    private final String code;

    public ImportRefused(Long line, HttpStatus status, String field, String reason, String code) {
        super(reason);
        this.line = line;
        this.status = status;
        this.field = field;
        this.code = code;
    }

    /** The line at fault; null when the batch was refused as a whole. */
    public Long line() {
        return line;
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }

    /** The aggregate's refusal code (such as FACT_ID_REUSED), or null. */
    public String code() {
        return code;
    }
}
