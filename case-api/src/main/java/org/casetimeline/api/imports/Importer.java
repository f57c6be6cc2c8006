package org.casetimeline.api.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.casetimeline.api.cases.CommittedCaseCache;
import org.casetimeline.api.cases.FactRequest;
import org.casetimeline.api.cases.FactTranslator;
import org.casetimeline.api.cases.RegistrationRequest;
import org.casetimeline.api.config.AxonConfiguration;
import org.casetimeline.api.facilities.FacilityRequest;
import org.casetimeline.api.problem.InvalidRequest;
import org.casetimeline.api.problem.ProblemAdvice;
import org.casetimeline.core.prisonercase.RecordingRefused;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.InvalidFact;
import org.casetimeline.projections.audit.EventChain;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
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
    private final FactTranslator translator;
    private final EventChain chain;
    private final JsonMapper json;
    private final CommittedCaseCache committedCases;
    private final long maxLines;

    public Importer(CommandGateway commands, FactTranslator translator, EventChain chain, JsonMapper json,
                    CommittedCaseCache committedCases, @Value("${case-timeline.imports.max-lines:5000}") long maxLines) {
        this.commands = commands;
        this.translator = translator;
        this.chain = chain;
        this.json = json;
        this.committedCases = committedCases;
        this.maxLines = maxLines;
    }

    @Transactional
    public ImportResult importBatch(String user, BufferedReader lines) {
        return store(user, lines);
    }

    private ImportResult store(String user, BufferedReader lines) {
        Set<String> touched = new LinkedHashSet<>();
        Map<String, EventChain.Heads> locked = new HashMap<>();
        long number = 0;
        long events = 0;
        long cases = 0;
        long facilities = 0;
        String text;
        while ((text = next(lines)) != null) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            if (number > maxLines) {
                throw new ImportRefused(number, HttpStatus.CONTENT_TOO_LARGE, "body",
                        "a batch holds at most " + maxLines + " lines; split the file into several requests", null);
            }
            String section = null;
            try {
                JsonNode line = json.readTree(text);
                if (!(line instanceof tools.jackson.databind.node.ObjectNode)) {
                    throw InvalidRequest.malformed("body", "each line is one JSON object");
                }
                section = line.has("registration") ? "registration" : line.has("fact") ? "fact" : "facility";
                String aggregate;
                if (line.has("registration")) {
                    RegistrationRequest request = read(line, "registration", RegistrationRequest.class);
                    CaseId caseId = registeredCase(line, request);
                    aggregate = lock(locked, caseId.toString());
                    send(user, request.toCommand(caseId, new FactId(UUID.randomUUID())));
                    cases++;
                } else if (line.has("fact")) {
                    CaseId caseId = caseId(line);
                    FactRequest request = read(line, "fact", FactRequest.class);
                    Object command = translator.toCommand(caseId, null, request);
                    aggregate = lock(locked, caseId.toString());
                    send(user, command);
                } else if (line.has("facility")) {
                    FacilityRequest request = read(line, "facility", FacilityRequest.class);
                    FacilityId id = new FacilityId(request.facilityId() == null ? UUID.randomUUID() : request.facilityId());
                    aggregate = lock(locked, id.toString());
                    send(user, request.toCommand(id));
                    facilities++;
                } else {
                    throw InvalidRequest.malformed("body", "a line holds one of registration, fact or facility");
                }
                touched.add(aggregate);
                events++;
            } catch (RuntimeException e) {
                throw refusal(number, section, e);
            }
        }
        for (String aggregate : touched) {
            Long head = chain.link(aggregate, locked.get(aggregate));
            if (head != null) {
                committedCases.committed(aggregate, head);
            }
        }
        return new ImportResult(number, events, cases, facilities);
    }

    /**
     * Takes the aggregate's append lock once per batch, as the REST path does per request, and reads its heads
     * under it: the case's stream head lets a kept case be used, the chain head is where the batch links on.
     */
    private String lock(Map<String, EventChain.Heads> locked, String aggregate) {
        if (!locked.containsKey(aggregate)) {
            chain.lockForAppend(aggregate);
            EventChain.Heads heads = chain.heads(aggregate);
            committedCases.expectHead(aggregate, heads.stream());
            locked.put(aggregate, heads);
        }
        return aggregate;
    }

    private void send(String user, Object command) {
        commands.sendAndWait(command, MetaData.with(AxonConfiguration.RECORDED_BY, user));
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

    private static String next(BufferedReader lines) {
        try {
            return lines.readLine();
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
        if (cause instanceof AggregateNotFoundException) {
            return new ImportRefused(line, HttpStatus.UNPROCESSABLE_CONTENT, "caseId",
                    "no such case; register it on an earlier line or with POST /api/v1/cases", null);
        }
        if (cause instanceof AggregateStreamCreationException || cause instanceof DuplicateKeyException) {
            return new ImportRefused(line, HttpStatus.CONFLICT, "caseId", "a case or facility with this id exists", null);
        }
        return e;
    }
}
