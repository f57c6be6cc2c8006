package org.casetimeline.api.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.casetimeline.api.cases.EventView;
import org.casetimeline.api.cases.TimelineEntryView;
import org.casetimeline.core.timeline.FactStatus;

import tools.jackson.databind.JsonNode;

/** Turns the API's timeline entries into rows of the chronology, naming facilities and linking facts. */
final class FactRows {

    private final Map<String, String> facilityNames;
    private final Words words;

    FactRows(Map<String, String> facilityNames, Words words) {
        this.facilityNames = facilityNames;
        this.words = words;
    }

    List<FactRow> of(List<TimelineEntryView> entries) {
        return entries.stream().map(this::row).toList();
    }

    private FactRow row(TimelineEntryView entry) {
        EventView fact = entry.fact();
        String when = fact.occurredUntil() == null ? fact.occurredAt() : fact.occurredAt() + " – " + fact.occurredUntil();
        return new FactRow(fact.eventId(), words.factType(fact.type()), when, entry.approximate(),
                entry.status() == FactStatus.RETRACTED, entry.status() == FactStatus.SUPERSEDED, details(fact.data()),
                fact.sources(), words.plain(fact.claim()), words.plain(fact.confidentiality()), fact.recordedBy(),
                fact.recordedAt() == null ? null : words.day(fact.recordedAt()),
                reason(entry.retraction(), "reason"), reason(entry.correction(), "reason"), entry.correctedBy(),
                entry.corrects(), entry.disputes().stream().map(dispute -> reason(dispute, "counterClaim")).toList(),
                entry.withdrawnDisputes().stream().map(this::withdrawn).toList());
    }

    private List<FactRow.Detail> details(JsonNode data) {
        List<FactRow.Detail> details = new ArrayList<>();
        if (data == null) {
            return details;
        }
        for (var field : data.properties()) {
            JsonNode value = field.getValue();
            if (value == null || value.isNull() || (value.isContainer() && value.isEmpty())) {
                continue;
            }
            String name = field.getKey();
            String href = null;
            String text = text(value);
            if (name.endsWith("FacilityId") || name.equals("facilityId")) {
                href = "/facilities/" + text;
                text = facilityNames.getOrDefault(text, text);
            } else if (name.endsWith("FactId")) {
                href = "#fact-" + text;
                text = "that fact";
            }
            details.add(new FactRow.Detail(words.field(name), text, href));
        }
        return details;
    }

    private String text(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean() ? "yes" : "no";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(text(item)));
            return String.join(", ", items);
        }
        if (value.isObject()) {
            List<String> parts = new ArrayList<>();
            value.properties().forEach(part -> {
                if (!part.getValue().isNull()) {
                    parts.add(words.field(part.getKey()) + ": " + text(part.getValue()));
                }
            });
            return String.join("; ", parts);
        }
        return value.isString() && value.asString().matches("[A-Z][A-Z_]+") ? words.plain(value.asString()) : value.asString();
    }

    /** A withdrawn dispute's counter-claim, when it was withdrawn, and why. */
    private String withdrawn(TimelineEntryView.Withdrawn withdrawn) {
        String why = reason(withdrawn.withdrawal(), "reason");
        Instant when = withdrawn.withdrawal().recordedAt();
        return reason(withdrawn.dispute(), "counterClaim") + " (withdrawn" + (when == null ? "" : " on " + words.day(when))
                + (why == null ? "" : ": " + why) + ")";
    }

    private static String reason(EventView event, String field) {
        return event == null || event.data() == null ? null : event.data().path(field).asString(null);
    }
}
