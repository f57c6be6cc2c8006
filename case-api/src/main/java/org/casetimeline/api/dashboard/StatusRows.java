package org.casetimeline.api.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.projections.status.CaseStatusQueries;
import org.casetimeline.projections.status.CaseStatusView;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The status projection stores its views as JSON; pages read them back as the records they were written from,
 * so templates use named fields instead of walking JSON trees.
 */
@Component
class StatusRows {

    private final JsonMapper json;
    private final CaseStatusQueries queries;

    StatusRows(JsonMapper json, CaseStatusQueries queries) {
        this.json = json;
        this.queries = queries;
    }

    CaseStatusView status(JsonNode stored) {
        return json.treeToValue(stored, CaseStatusView.class);
    }

    List<CaseStatusView> statuses(List<JsonNode> stored) {
        return stored.stream().map(this::status).toList();
    }

    /** A row of the flags query: the finding, with the case and facility the query adds beside it. */
    FlagRow flag(JsonNode stored) {
        ObjectNode finding = ((ObjectNode) stored).deepCopy();
        String caseId = text(finding.remove("caseId"));
        String facilityId = text(finding.remove("facilityId"));
        return new FlagRow(caseId, facilityId, json.treeToValue(finding, Finding.class));
    }

    /** The first name of each case the flags name, one indexed lookup per case, at the reader's clearance. */
    Map<String, String> names(List<FlagRow> flags, Confidentiality clearance) {
        Map<String, String> names = new LinkedHashMap<>();
        for (FlagRow flag : flags) {
            names.computeIfAbsent(flag.caseId(), id -> queries.status(UUID.fromString(id), clearance)
                    .map(status -> status.path("names").path(0).asString("unnamed")).orElse("unnamed"));
        }
        return names;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    record FlagRow(String caseId, String facilityId, Finding finding) {
    }
}
