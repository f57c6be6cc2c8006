package org.casetimeline.api.problem;

import java.util.List;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.casetimeline.api.imports.ImportRefused;
import org.casetimeline.core.prisonercase.RecordingRefused;
import org.casetimeline.core.shared.InvalidFact;
import org.casetimeline.projections.audit.EventChain;
import org.casetimeline.projections.recording.IdempotencyKeyReused;
import org.casetimeline.projections.recording.StoreFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.core.JacksonException;

/**
 * Turns every refusal into an RFC 9457 problem document naming the field and the reason. Bodies never carry
 * stack traces, SQL or class names; unexpected failures are logged here and answered with a bare 500.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalid(InvalidRequest e, HttpServletResponse response) {
        if (e.retryAfter() != null) {
            // whole seconds, rounded up: a client that waits as told finds the node free, or nearly
            long seconds = Math.max(1, e.retryAfter().plusMillis(999).toSeconds());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        return ProblemWriter.problem(e.status(), "Invalid request", e.getMessage(), e.field());
    }

    @ExceptionHandler(JacksonException.class)
    ProblemDetail unreadable(JacksonException e) {
        return fromJson(e, "");
    }

    @ExceptionHandler(InvalidFact.class)
    ProblemDetail invalidFact(InvalidFact e) {
        return ProblemWriter.problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), e.field());
    }

    @ExceptionHandler(RecordingRefused.class)
    ProblemDetail refused(RecordingRefused e) {
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Recording refused",
                e.getMessage(), e.field());
        problem.setProperty("code", e.reason().name());
        return problem;
    }

    /**
     * A case whose stored history and hash chain end at different events: appending would chain events stored outside
     * the service, so nothing is recorded until the store is put right (GET /api/v1/audit/verify names the events).
     */
    @ExceptionHandler(EventChain.UnchainedEvents.class)
    ProblemDetail unchained(EventChain.UnchainedEvents e) {
        log.error("Append refused: {}", e.getMessage());
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.INTERNAL_SERVER_ERROR, "Record integrity",
                "The stored history of this case or facility does not end where its hash chain does: events were"
                        + " stored or removed outside this service. Nothing was recorded; GET /api/v1/audit/verify names"
                        + " the events.", null);
        problem.setProperty("code", "UNCHAINED_EVENTS");
        return problem;
    }

    /** A refused import batch: the line at fault, its field and the reason; nothing of the batch was stored. */
    @ExceptionHandler(ImportRefused.class)
    ProblemDetail importRefused(ImportRefused e) {
        ProblemDetail problem = ProblemWriter.problem(e.status(), "Import refused",
                (e.line() == null ? "" : "Line " + e.line() + ": ") + e.getMessage() + " Nothing of this batch was stored.",
                e.field());
        if (e.line() != null) {
            problem.setProperty("line", e.line());
        }
        problem.setProperty("reason", e.getMessage());
        if (e.code() != null) {
            problem.setProperty("code", e.code());
        }
        return problem;
    }

    /** The id of another kind of record (a facility's) named as a case: there is no such case. */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ProblemDetail notACase(IncompatibleAggregateException e) {
        return ProblemWriter.problem(HttpStatus.NOT_FOUND, "Not found", "No such case.", null);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return ProblemWriter.problem(HttpStatus.NOT_FOUND, "Not found", "No such case.", null);
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return ProblemWriter.problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail stale(ConflictingAggregateVersionException e) {
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.PRECONDITION_FAILED, "Stale version",
                "The case is at version " + e.getActualVersion() + ", not " + e.getExpectedVersion()
                        + " as If-Match says. Read it again and retry.", "If-Match");
        problem.setProperty("currentVersion", e.getActualVersion());
        return problem;
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentAppend(ConcurrencyException e) {
        return ProblemWriter.problem(HttpStatus.PRECONDITION_FAILED, "Stale version",
                "Other records were appended to this case at the same moment; read it again and retry.", "If-Match");
    }

    /** An id taken already: named as the field the request gave it in (a facility's or a case's). */
    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail alreadyExists(AggregateStreamCreationException e, HttpServletRequest request) {
        boolean facility = request.getServletPath().startsWith("/api/v1/facilities");
        return ProblemWriter.problem(HttpStatus.CONFLICT, "Already exists",
                "A case or facility with this id already exists.", facility ? "facilityId" : "caseId");
    }

    @ExceptionHandler(UnableToClaimTokenException.class)
    ResponseEntity<ProblemDetail> claimedElsewhere(UnableToClaimTokenException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "10")
                .body(ProblemWriter.problem(HttpStatus.CONFLICT, "Claimed by another node",
                        "Another node holds this projection; its claim lapses if that node is gone. Retry later.", null));
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ProblemDetail reused(IdempotencyKeyReused e) {
        return ProblemWriter.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused", e.getMessage(),
                "Idempotency-Key");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badPathValue(MethodArgumentTypeMismatchException e) {
        return ProblemWriter.problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "'" + e.getName() + "' is not valid here", e.getName());
    }

    @ExceptionHandler(BodySizeLimitFilter.BodyTooLarge.class)
    ProblemDetail tooLarge(BodySizeLimitFilter.BodyTooLarge e) {
        return ProblemWriter.problem(HttpStatus.CONTENT_TOO_LARGE, "Body too large", e.getMessage(), null);
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class, TransactionSystemException.class})
    ResponseEntity<ProblemDetail> databaseDown(Exception e) {
        boolean ranPastTheLimit = StoreFailures.ranPastTheLimit(e);
        // the class only: a driver's message can quote the statement, and with it the caller's data
        log.warn("{} ({}); answering 503", ranPastTheLimit ? "Transaction ran past the limit" : "Database unavailable",
                e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(ProblemWriter.problem(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable", (ranPastTheLimit
                        ? "The request ran past the service's limit on a transaction, most likely waiting for another"
                                + " writer of the same case or import, and nothing was stored."
                        : "The database is unavailable.") + " Retry later with the same Idempotency-Key: the request is"
                                + " then applied exactly once, whether or not this attempt reached the database.", null));
    }

    @ExceptionHandler(CommandExecutionException.class)
    Object commandFailed(CommandExecutionException e) throws Exception {
        Throwable cause = e.getCause();
        if (cause instanceof RecordingRefused refused) {
            return refused(refused);
        }
        if (cause instanceof InvalidFact invalid) {
            return invalidFact(invalid);
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e) throws Exception {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root instanceof BodySizeLimitFilter.BodyTooLarge tooLarge) {
                return tooLarge(tooLarge);
            }
        }
        if (StoreFailures.databaseUnavailable(e) || StoreFailures.ranPastTheLimit(e)) {
            return databaseDown(e);
        }
        log.error("Unexpected failure", e);
        return ProblemWriter.problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request failed; nothing was stored.", null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof BodySizeLimitFilter.BodyTooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
            }
            if (cause instanceof JacksonException json) {
                ProblemDetail problem = fromJson(json, "");
                return ResponseEntity.status(problem.getStatus()).body(problem);
            }
            cause = cause.getCause();
        }
        return ResponseEntity.badRequest().body(ProblemWriter.problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request body is missing or is not JSON.", "body"));
    }

    /** A JSON failure names the JSON path; a value object's own refusal gives the reason. */
    public static ProblemDetail fromJson(JacksonException e, String prefix) {
        String path = path(e.getPath());
        String field = !path.isEmpty() ? prefix + path
                : prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1);
        Throwable cause = e.getCause();
        String reason;
        if (cause instanceof InvalidFact invalid) {
            // a value object's field is its own (a place's country): the path says where the object sits
            field = prefix + (path.isEmpty() ? "" : path + ".") + invalid.field();
            reason = invalid.getMessage();
        } else if (cause instanceof IllegalArgumentException illegal && illegal.getMessage() != null) {
            reason = illegal.getMessage();
        } else if (e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException) {
            reason = "unknown field";
        } else if (e instanceof tools.jackson.databind.exc.MismatchedInputException) {
            reason = "wrong type or missing value";
        } else if (e instanceof tools.jackson.core.exc.StreamReadException) {
            reason = "malformed JSON";
        } else {
            reason = "invalid value";
        }
        return ProblemWriter.problem(HttpStatus.BAD_REQUEST, "Invalid request", reason, field);
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
