package org.casetimeline.api.cases;

import java.time.Clock;
import java.time.Year;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.casetimeline.api.problem.InvalidRequest;
import org.casetimeline.api.problem.ProblemAdvice;
import org.casetimeline.api.security.Reader;
import org.casetimeline.core.command.CorrectFact;
import org.casetimeline.core.command.DisputeClaim;
import org.casetimeline.core.command.RecordFact;
import org.casetimeline.core.command.RegisterPrisoner;
import org.casetimeline.core.command.RetractFact;
import org.casetimeline.core.event.FacilityRegistered;
import org.casetimeline.core.event.FactBounds;
import org.casetimeline.core.event.FactTypes;
import org.casetimeline.core.event.NamedFacilities;
import org.casetimeline.core.event.RecordedFact;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.ClaimStatus;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.DatePrecision;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.InvalidFact;
import org.casetimeline.core.shared.PlainText;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.PartialDate;
import org.casetimeline.core.shared.Provenance;
import org.casetimeline.core.shared.Source;
import org.casetimeline.projections.casefile.FacilityDirectory;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a {@link FactRequest} into the command that records it: an ordinary fact, or a retraction, correction
 * or dispute of an earlier one. Everything a monitor can get wrong is refused here with the field at fault,
 * before a command is sent: unknown type, malformed or missing fields, dates in the future, unknown facilities.
 * A facility the writer is not cleared for is unknown to them; a fact may name a facility only at the facility's level
 * or above, so that whoever sees the fact may see where it happened, and no one else learns of the place from it.
 */
@Component
public class FactTranslator {

    static final String RETRACTION = "EventRetracted";
    static final String CORRECTION = "EventCorrected";
    static final String DISPUTE = "ClaimDisputed";
    private static final Set<String> ENVELOPE = Set.of("caseId", "factId", "occurred", "provenance");
    /** The fields of each amendment's {@code data}: an amendment is read by name, field by field. */
    private static final Map<String, List<String>> AMENDMENT_FIELDS = Map.of(
            RETRACTION, List.of("retractedFactId", "reason"),
            DISPUTE, List.of("disputedFactId", "counterClaim"),
            CORRECTION, List.of("correctedFactId", "reason", "replacement"));
    static final Instant EARLIEST = Instant.parse("1800-01-01T00:00:00Z");
    /** The furthest any time zone runs ahead of UTC (Kiribati, UTC+14). */
    static final Duration AHEAD_OF_UTC = Duration.ofHours(14);

    private final JsonMapper json;
    private final Clock clock;
    private final Function<FacilityId, Optional<FacilityRegistered>> facilities;

    public FactTranslator(JsonMapper json, Clock clock, FacilityDirectory facilities) {
        this.json = json;
        this.clock = clock;
        this.facilities = facilities::find;
    }

    /** The command that opens a case, its numbers held to their ranges ({@link FactBounds}), for the API and the demo loader. */
    public RegisterPrisoner registration(RegistrationRequest request, CaseId caseId, FactId registrationId) {
        FactBounds.birthYear(request.birthYear(), Year.now(clock));
        return request.toCommand(caseId, registrationId);
    }

    /** The command for this request by this writer, whose clearance bounds the facilities their fact may name. */
    public Object toCommand(Reader writer, CaseId caseId, Long expectedVersion, FactRequest request) {
        if (request.type() == null || request.type().isBlank()) {
            throw InvalidRequest.malformed("type", "type is required");
        }
        ObjectNode data = request.data() == null ? json.createObjectNode() : request.data();
        Provenance provenance = provenance(request);
        FactId id = request.factId() == null ? new FactId(UUID.randomUUID()) : new FactId(request.factId());
        List<String> amendmentFields = AMENDMENT_FIELDS.get(request.type());
        if (amendmentFields != null) {
            onlyFields(data, "data", amendmentFields.toArray(String[]::new));
            // an amendment happens when it is recorded: a date sent with it would be stored nowhere, and one who
            // meant to date the corrected fact would believe it done
            noOccurrence(request.occurredAt(), "occurredAt", request.type());
            noOccurrence(request.occurredUntil(), "occurredUntil", request.type());
        }
        return switch (request.type()) {
            case RETRACTION -> new RetractFact(caseId, expectedVersion, id, factId(data, "retractedFactId"),
                    text(data, "reason"), provenance);
            case DISPUTE -> new DisputeClaim(caseId, expectedVersion, id, factId(data, "disputedFactId"),
                    text(data, "counterClaim"), provenance);
            case CORRECTION -> correction(writer, caseId, expectedVersion, id, data, provenance);
            default -> new RecordFact(caseId, expectedVersion, fact(writer, caseId, id, request.type(),
                    request.occurredAt(), request.occurredUntil(), provenance, data, "data"));
        };
    }

    private static void noOccurrence(String given, String field, String type) {
        if (given != null) {
            throw InvalidRequest.malformed(field, type + " amends a fact when it is recorded, so it has no " + field
                    + (type.equals(CORRECTION) ? "; the corrected date goes in data.replacement." + field : ""));
        }
    }

    private CorrectFact correction(Reader writer, CaseId caseId, Long expectedVersion, FactId id, ObjectNode data,
                                   Provenance provenance) {
        FactId corrected = factId(data, "correctedFactId");
        JsonNode replacement = data.get("replacement");
        if (!(replacement instanceof ObjectNode body)) {
            throw InvalidRequest.malformed("data.replacement",
                    "a correction carries the corrected fact: {type, occurredAt, occurredUntil, data}");
        }
        // the replacement takes the correction's sources and level: a field of its own would be dropped unread
        onlyFields(body, "data.replacement", "type", "occurredAt", "occurredUntil", "data");
        if (body.has("data") && !(body.get("data") instanceof ObjectNode)) {
            throw InvalidRequest.malformed("data.replacement.data", "the corrected fact's own fields, as a JSON object");
        }
        String type = body.path("type").asString(null);
        FactId replacementId = new FactId(UUID.randomUUID());
        RecordedFact fact = fact(writer, caseId, replacementId, type, body.path("occurredAt").asString(null),
                body.path("occurredUntil").asString(null), provenance,
                body.get("data") instanceof ObjectNode fields ? fields : json.createObjectNode(), "data.replacement.data");
        return new CorrectFact(caseId, expectedVersion, id, corrected, text(data, "reason"), provenance, fact);
    }

    private RecordedFact fact(Reader writer, CaseId caseId, FactId id, String typeName, String at, String until,
                              Provenance provenance, ObjectNode data, String dataPath) {
        Class<? extends RecordedFact> type = FactTypes.byName(typeName).orElseThrow(() -> InvalidRequest.malformed(
                dataPath.equals("data") ? "type" : "data.replacement.type",
                "unknown fact type '" + typeName + "'; see GET /api/v1/fact-types"));
        for (String reserved : ENVELOPE) {
            if (data.has(reserved)) {
                throw InvalidRequest.malformed(dataPath + "." + reserved, "not a field of " + typeName
                        + "; it is set from the envelope and the path");
            }
        }
        Occurrence occurred = occurrence(at, until, dataPath.equals("data") ? "" : "data.replacement.");
        ObjectNode node = data.deepCopy();
        node.put("caseId", caseId.toString());
        node.put("factId", id.toString());
        node.set("occurred", json.valueToTree(occurred));
        node.set("provenance", json.valueToTree(provenance));
        RecordedFact fact;
        try {
            fact = json.treeToValue(node, type);
            FactBounds.check(fact, Year.now(clock));
        } catch (JacksonException e) {
            var problem = ProblemAdvice.fromJson(e, dataPath + ".");
            throw InvalidRequest.malformed((String) problem.getProperties().get("field"), problem.getDetail());
        } catch (InvalidFact e) {
            throw InvalidRequest.malformed(dataPath + "." + e.field(), e.getMessage());
        }
        requireKnownFacilities(fact, dataPath, writer.clearance());
        return fact;
    }

    /**
     * When the fact happened, each bound refused with its own field ({@code prefix} names where the dates sit): a date
     * that does not parse, lies in the future, or before 1800. A period's end is held to the same as its start; a date
     * far outside the records' span would also lie outside what the read models' timestamps hold, and its findings
     * could never be stored.
     */
    private Occurrence occurrence(String at, String until, String prefix) {
        if (at == null || at.isBlank()) {
            throw InvalidRequest.malformed(prefix + "occurredAt",
                    "occurredAt is required: when the fact happened, as ISO 8601");
        }
        date(at, prefix + "occurredAt");
        boolean hasEnd = until != null && !until.isBlank();
        if (hasEnd) {
            date(until, prefix + "occurredUntil");
        }
        Occurrence occurred;
        try {
            occurred = new Occurrence(at, until);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.malformed(prefix + (hasEnd ? "occurredUntil" : "occurredAt"), e.getMessage());
        }
        return occurred;
    }

    private void date(String text, String field) {
        PartialDate date;
        try {
            date = PartialDate.parse(text);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.malformed(field, e.getMessage());
        }
        if (inTheFuture(date, clock.instant())) {
            throw InvalidRequest.unprocessable(field, "lies in the future; record facts once they happen");
        }
        if (date.earliest().isBefore(EARLIEST)) {
            throw InvalidRequest.unprocessable(field, "lies before 1800; no record of this service reaches back that far");
        }
    }

    /**
     * Whether a date lies wholly in the future. A calendar date is read in UTC, so the day that has begun east of
     * Greenwich (up to 14 hours ahead) still counts as today: a monitor in Almaty records today's facts at 02:00.
     */
    static boolean inTheFuture(PartialDate date, Instant now) {
        return date.earliest().isAfter(date.precision() == DatePrecision.INSTANT ? now : now.plus(AHEAD_OF_UTC));
    }

    private void requireKnownFacilities(RecordedFact fact, String dataPath, Confidentiality writerClearance) {
        Confidentiality factLevel = fact.provenance().confidentiality();
        NamedFacilities.in(fact).forEach((field, id) -> {
            FacilityRegistered facility = facilities.apply(id).filter(found -> found.visibleTo(writerClearance))
                    .orElseThrow(() -> InvalidRequest.unprocessable(dataPath + "." + field,
                            "no facility " + id + " is registered; register it first with POST /api/v1/facilities"));
            if (!facility.visibleTo(factLevel)) {
                throw InvalidRequest.unprocessable("confidentiality", "the facility in " + dataPath + "." + field
                        + " is registered as " + facility.level().name().toLowerCase(Locale.ROOT)
                        + ", and a fact that names it must be at least as confidential: a reader of the fact would"
                        + " learn of the place");
            }
        });
    }

    private Provenance provenance(FactRequest request) {
        return provenance(request.sources(), request.claim(), request.confidentiality());
    }

    /**
     * Every record cites where it comes from, and says who may see it: a fact or a registration without a source, or
     * without a level, is refused. A level left out was read as public, and a confidential allegation posted without
     * one was shown to every viewer.
     */
    static Provenance provenance(List<Source> sources, ClaimStatus claim, Confidentiality confidentiality) {
        if (sources == null || sources.isEmpty()) {
            throw InvalidRequest.malformed("sources", "at least one source is required");
        }
        if (confidentiality == null) {
            throw InvalidRequest.malformed("confidentiality",
                    "confidentiality is required: public, restricted or confidential; nothing is made public by default");
        }
        return new Provenance(sources, claim, confidentiality);
    }

    private static FactId factId(ObjectNode data, String field) {
        String text = data.path(field).asString(null);
        if (text == null || text.isBlank()) {
            throw InvalidRequest.malformed("data." + field, field + " is required");
        }
        try {
            return FactId.of(text);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.malformed("data." + field, "not a fact id (a UUID)");
        }
    }

    /** An amendment's fields are read by name, so one the API does not know would be dropped unread: it is refused. */
    private static void onlyFields(ObjectNode data, String path, String... known) {
        Set<String> allowed = Set.of(known);
        for (String field : data.propertyNames()) {
            if (!allowed.contains(field)) {
                throw InvalidRequest.malformed(path + "." + field, "unknown field; expected one of " + String.join(", ", known));
            }
        }
    }

    private static String text(ObjectNode data, String field) {
        if (data.has(field) && !data.get(field).isString()) {
            throw InvalidRequest.malformed("data." + field, field + " is text");
        }
        String text = data.path(field).asString(null);
        if (text == null || text.isBlank()) {
            throw InvalidRequest.malformed("data." + field, field + " is required");
        }
        // checked here, where the field's place in the request is known; the case would name it without "data."
        String problem = PlainText.problem(text);
        if (problem != null) {
            throw InvalidRequest.malformed("data." + field, problem);
        }
        return text;
    }
}
