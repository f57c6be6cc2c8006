package org.casetimeline.api.imports;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.casetimeline.api.cases.CaseRecorder;
import org.casetimeline.api.cases.CommittedCaseCache;
import org.casetimeline.api.cases.FactRequest;
import org.casetimeline.api.cases.FactTranslator;
import org.casetimeline.api.cases.RegistrationRequest;
import org.casetimeline.api.facilities.FacilityRequest;
import org.casetimeline.api.problem.InvalidRequest;
import org.casetimeline.api.problem.ProblemAdvice;
import org.casetimeline.api.security.Reader;
import org.casetimeline.core.prisonercase.RecordingRefused;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.InvalidFact;
import org.casetimeline.projections.audit.EventChain;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores one NDJSON batch in one transaction: every line goes through the translator the REST API uses and
 * the aggregates' command handlers, and every touched case and facility is bound into its hash chain before
 * the commit. The first bad line refuses the whole batch, naming the line, the field and the reason.
 * <p>
 * A line is one of {@code {"caseId": ..., "registration": {body of POST /api/v1/cases}}},
 * {@code {"caseId": ..., "fact": {body of POST /api/v1/cases/{caseId}/events}}} or
 * {@code {"facility": {body of POST /api/v1/facilities}}}.
 */
@Service
public class Importer {

    private final CommandGateway commands;
    /** What a line may hold: the case it is about, and one section. */
    private static final Set<String> LINE_KEYS = Set.of("caseId", "registration", "fact", "facility");

    private final FactTranslator translator;
    private final EventChain chain;
    private final JsonMapper json;
    private final CommittedCaseCache committedCases;
    private final long maxLines;
    private final long maxLineBytes;

    public Importer(CommandGateway commands, FactTranslator translator, EventChain chain, JsonMapper json,
                    CommittedCaseCache committedCases, @Value("${case-timeline.imports.max-lines:5000}") long maxLines,
                    @Value("${case-timeline.max-body-bytes:65536}") long maxLineBytes) {
        this.commands = commands;
        this.translator = translator;
        this.chain = chain;
        this.json = json;
        this.committedCases = committedCases;
        this.maxLines = maxLines;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Each line's command runs in a unit of work nested in one for the whole batch, so the batch's events are
     * appended together when it ends (one JDBC batch, not one insert per line) and a case named on many lines is
     * loaded once. The chain links follow, in the same transaction.
     */
    @Transactional
    public ImportResult importBatch(Reader writer, NdjsonLines lines) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        BatchStored stored;
        try {
            stored = store(writer, lines);
            // the lines are read and checked beside other batches; storing and linking, one batch at a time
            chain.lockForBulkAppend();
            append(batch);
        } finally {
            // whatever failed, even an Error, the batch's unit of work must not stay current on this thread: every
            // later command here would nest in it and never be stored
            if (batch.isActive()) {
                batch.rollback();
            }
        }
        long events = 0; // a correction line stores two
        for (Map.Entry<String, EventChain.Heads> aggregate : stored.locked().entrySet()) {
            Long head = chain.link(aggregate.getKey(), aggregate.getValue());
            if (head != null) {
                committedCases.committed(aggregate.getKey(), head);
                Long before = aggregate.getValue().stream();
                events += head - (before == null ? -1 : before);
            }
        }
        return new ImportResult(stored.lines(), events, stored.cases(), stored.facilities());
    }

    /**
     * Appends the batch's events. Each aggregate's append lock is held and its ids were checked line by line, so the
     * store's uniqueness refuses them only if a writer that takes no lock stored events of one of them meanwhile.
     */
    private static void append(UnitOfWork<?> batch) {
        try {
            batch.commit();
        } catch (ConcurrencyException | AggregateStreamCreationException | DuplicateKeyException e) {
            throw new ImportRefused(null, HttpStatus.CONFLICT, "body", "another writer stored events of a case or"
                    + " facility of this batch meanwhile; send the batch again.", null);
        }
    }

    /** How many lines a batch held, cases it opened and facilities it registered, and the heads of each aggregate it touched as they were before it. */
    private record BatchStored(long lines, long cases, long facilities, Map<String, EventChain.Heads> locked) {
    }

    private BatchStored store(Reader writer, NdjsonLines lines) {
        Map<String, EventChain.Heads> locked = new LinkedHashMap<>();
        long number = 0;
        long cases = 0;
        long facilities = 0;
        String text;
        while ((text = next(lines, number + 1)) != null) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            if (number > maxLines) {
                throw new ImportRefused(number, HttpStatus.CONTENT_TOO_LARGE, "body",
                        "a batch holds at most " + maxLines + " lines; split the file into several requests", null);
            }
            // a line is what one request to the REST API would carry, and is held to the same limit
            if (text.length() > maxLineBytes / 3 && text.getBytes(StandardCharsets.UTF_8).length > maxLineBytes) {
                throw new ImportRefused(number, HttpStatus.CONTENT_TOO_LARGE, "body", "a line holds at most "
                        + maxLineBytes + " bytes, as a request to the REST API does", null);
            }
            String section = null;
            try {
                JsonNode line = json.readTree(text);
                if (!(line instanceof tools.jackson.databind.node.ObjectNode)) {
                    throw InvalidRequest.malformed("body", "each line is one JSON object");
                }
                for (String key : line.propertyNames()) {
                    if (!LINE_KEYS.contains(key)) {
                        // it would be dropped unread
                        throw InvalidRequest.malformed(key, "not a field of an import line: caseId and one of registration,"
                                + " fact or facility");
                    }
                }
                section = line.has("registration") ? "registration" : line.has("fact") ? "fact" : "facility";
                if (Stream.of("registration", "fact", "facility").filter(line::has).count() > 1) {
                    // one would be stored and the others silently dropped
                    throw InvalidRequest.malformed("body", "a line holds one of registration, fact or facility, not several");
                }
                if (line.has("facility") && line.has("caseId")) {
                    throw InvalidRequest.malformed("caseId", "a facility line names no case");
                }
                if (line.has("registration")) {
                    RegistrationRequest request = read(line, "registration", RegistrationRequest.class);
                    CaseId caseId = registeredCase(line, request);
                    lockNew(locked, caseId.toString());
                    send(writer, translator.registration(request, caseId, new FactId(UUID.randomUUID())));
                    cases++;
                } else if (line.has("fact")) {
                    CaseId caseId = caseId(line);
                    FactRequest request = read(line, "fact", FactRequest.class);
                    Object command = translator.toCommand(writer, caseId, null, request);
                    lock(locked, caseId.toString());
                    send(writer, command);
                } else if (line.has("facility")) {
                    FacilityRequest request = read(line, "facility", FacilityRequest.class);
                    FacilityId id = new FacilityId(request.facilityId() == null ? UUID.randomUUID() : request.facilityId());
                    lockNew(locked, id.toString());
                    send(writer, request.toCommand(id, writer));
                    facilities++;
                } else {
                    throw InvalidRequest.malformed("body", "a line holds one of registration, fact or facility");
                }
            } catch (RuntimeException e) {
                throw refusal(number, section, e);
            }
        }
        return new BatchStored(number, cases, facilities, locked);
    }

    /**
     * Locks an aggregate that this line creates: its id must be new to the store and to the batch. The events are
     * appended only when the batch ends, so the store's uniqueness would refuse a taken id too late to name the line.
     */
    private void lockNew(Map<String, EventChain.Heads> locked, String aggregate) {
        if (locked.containsKey(aggregate)) {
            throw new AggregateIdTaken();
        }
        lock(locked, aggregate);
        if (locked.get(aggregate).stream() != null) {
            throw new AggregateIdTaken();
        }
    }

    /** A registration of a case or facility whose id is already taken. */
    private static final class AggregateIdTaken extends RuntimeException {
        AggregateIdTaken() {
            super(null, null, false, false);
        }
    }

    /**
     * Takes the aggregate's append lock once per batch, as the REST path does per request, and reads its heads
     * under it: the case's stream head lets a kept case be used, the chain head is where the batch links on.
     */
    private void lock(Map<String, EventChain.Heads> locked, String aggregate) {
        if (!locked.containsKey(aggregate)) {
            chain.lockForAppend(aggregate);
            EventChain.Heads heads = chain.heads(aggregate);
            committedCases.expectHead(aggregate, heads.stream());
            locked.put(aggregate, heads);
        }
    }

    private void send(Reader writer, Object command) {
        commands.sendAndWait(command, CaseRecorder.writtenBy(writer));
    }

    private <T> T read(JsonNode line, String field, Class<T> type) {
        JsonNode body = line.get(field);
        if (!(body instanceof tools.jackson.databind.node.ObjectNode)) {
            throw InvalidRequest.malformed(field, field + " is a JSON object");
        }
        try {
            return json.treeToValue(body, type);
        } catch (JacksonException e) {
            ProblemDetail problem = ProblemAdvice.fromJson(e, field + ".");
            throw InvalidRequest.malformed((String) problem.getProperties().get("field"), problem.getDetail());
        }
    }

    private static CaseId caseId(JsonNode line) {
        String text = line.path("caseId").asString(null);
        if (text == null || text.isBlank()) {
            throw InvalidRequest.malformed("caseId", "caseId is required: the case the line belongs to");
        }
        try {
            return CaseId.of(text);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.malformed("caseId", "not a case id (a UUID)");
        }
    }

    private static CaseId registeredCase(JsonNode line, RegistrationRequest request) {
        if (!line.has("caseId")) {
            if (request.caseId() == null) {
                throw InvalidRequest.malformed("caseId", "caseId is required, so later lines can name the case");
            }
            return new CaseId(request.caseId());
        }
        CaseId caseId = caseId(line);
        if (request.caseId() != null && !request.caseId().equals(caseId.value())) {
            throw InvalidRequest.malformed("registration.caseId", "differs from the line's caseId");
        }
        return caseId;
    }

    private static String next(NdjsonLines lines, long number) {
        try {
            return lines.next();
        } catch (CharacterCodingException e) {
            // bytes that are not UTF-8 would otherwise be stored as U+FFFD, and the record would not say what was sent
            throw new ImportRefused(number, HttpStatus.BAD_REQUEST, "body", "is not valid UTF-8", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String within(String section, String field) {
        if (section == null || field == null || field.equals("caseId") || field.equals("body")
                || field.startsWith(section + ".") || field.equals(section)) {
            return field;
        }
        return section + "." + field;
    }

    private static RuntimeException refusal(long line, String section, RuntimeException e) {
        Throwable cause = e instanceof CommandExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof InvalidRequest invalid) {
            return new ImportRefused(line, invalid.status(), within(section, invalid.field()), invalid.getMessage(), null);
        }
        if (cause instanceof InvalidFact invalid) {
            return new ImportRefused(line, HttpStatus.BAD_REQUEST, within(section, invalid.field()), invalid.getMessage(),
                    null);
        }
        if (cause instanceof JacksonException malformed) {
            ProblemDetail problem = ProblemAdvice.fromJson(malformed, "");
            return new ImportRefused(line, HttpStatus.BAD_REQUEST, (String) problem.getProperties().get("field"),
                    problem.getDetail(), null);
        }
        if (cause instanceof RecordingRefused refused) {
            return new ImportRefused(line, HttpStatus.UNPROCESSABLE_CONTENT, within(section, refused.field()),
                    refused.getMessage(), refused.reason().name());
        }
        if (cause instanceof AggregateNotFoundException || cause instanceof IncompatibleAggregateException) {
            return new ImportRefused(line, HttpStatus.UNPROCESSABLE_CONTENT, "caseId",
                    "no such case; register it on an earlier line or with POST /api/v1/cases", null);
        }
        if (cause instanceof PessimisticLockingFailureException) {
            // two batches took the append locks of the same cases in opposite orders, and PostgreSQL broke the wait
            // by rolling this one back: no line is at fault, and the same batch sent again finds the other done
            return new ImportRefused(null, HttpStatus.CONFLICT, "body", "another batch was storing events of cases or"
                    + " facilities of this one, taken in another order; nothing of this batch was stored: send it again.",
                    null);
        }
        if (cause instanceof AggregateIdTaken) {
            return new ImportRefused(line, HttpStatus.CONFLICT, "facility".equals(section) ? "facility.facilityId" : "caseId",
                    "a case or facility with this id exists", null);
        }
        return e;
    }
}
