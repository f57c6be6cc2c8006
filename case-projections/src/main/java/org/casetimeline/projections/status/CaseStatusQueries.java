package org.casetimeline.projections.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.casetimeline.core.compliance.ComplianceRule;
import org.casetimeline.core.compliance.ComplianceRules;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.projections.sql.LongReads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads of the status projection for a reader's clearance level: one indexed lookup per request. */
@Component
public class CaseStatusQueries {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public CaseStatusQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** {@code ruleId}: only cases with an open flag of that rule (data gaps aside). */
    public record CaseFilter(String custodyState, UUID facilityId, String country, String text, String ruleId) {
    }

    /** How a case list may be ordered; anything else orders by name. */
    public enum CaseOrder {
        NAME("names_search, case_id"),
        DAYS_IN_CUSTODY("(status->>'daysInCustody')::bigint DESC NULLS LAST, names_search, case_id"),
        DISTANCE("(status->>'distanceFromHomeKm')::double precision DESC NULLS LAST, names_search, case_id"),
        CRITICAL_FLAGS("(status->'openFlags'->>'CRITICAL')::int DESC NULLS LAST,"
                + " (status->'openFlags'->>'SERIOUS')::int DESC NULLS LAST, names_search, case_id");

        private final String sql;

        CaseOrder(String sql) {
            this.sql = sql;
        }
    }

    public record CasePage(List<JsonNode> cases, long total, int page, int size) {
    }

    /** {@code withoutGaps}: data gaps (findings of kind UNKNOWN) left out, as lists of flags show them apart. */
    public record FindingFilter(String ruleId, String kind, String severity, String state, UUID facilityId, String country,
                                boolean withoutGaps) {
        public FindingFilter(String ruleId, String kind, String severity, String state, UUID facilityId, String country) {
            this(ruleId, kind, severity, state, facilityId, country, false);
        }
    }

    /** A page of findings, with how many match in all, and the counts per rule and per facility of all of them. */
    public record FindingPage(List<JsonNode> findings, long total, int page, int size, Map<String, Long> perRule,
                              Map<String, Long> perFacility) {
    }

    public Optional<JsonNode> status(UUID caseId, Confidentiality clearance) {
        return jdbc.sql("SELECT status::text FROM case_status WHERE case_id = :id AND clearance = :level")
                .param("id", caseId).param("level", clearance.name())
                .query(String.class).optional().map(json::readTree);
    }

    /** A case's findings at one level as the projection last evaluated them, and the instant of that evaluation. */
    public record StoredFindings(Instant asOf, List<JsonNode> findings) {
    }

    /**
     * A stored finding with what orders it, read once. Findings alike in rule, start and explanation keep the order the
     * rule gave them, which their keys' ordinals count ({@link FindingKeys}).
     */
    private record Listed(JsonNode finding, String ruleId, Instant start, String explanation, int ordinal) {
        static final Comparator<Listed> ORDER = ComplianceRules.listed(Listed::ruleId, Listed::start, Listed::explanation)
                .thenComparingInt(Listed::ordinal);

        static Listed of(JsonNode finding, String key) {
            return new Listed(finding, finding.get("ruleId").asString(), Instant.parse(finding.get("start").asString()),
                    finding.get("explanation").asString(), FindingKeys.ordinal(key));
        }
    }

    /**
     * The findings stored for a case at a level, the data gaps ({@code gaps}) or the others, listed as an evaluation
     * lists them; empty when the projection holds no status of the case at that level.
     */
    public Optional<StoredFindings> findings(UUID caseId, Confidentiality clearance, boolean gaps) {
        List<Listed> findings = new ArrayList<>();
        Instant[] asOf = {null};
        jdbc.sql("""
                        SELECT s.status->>'asOf', f.finding::text, f.finding_key FROM case_status s
                        LEFT JOIN case_finding f ON f.case_id = s.case_id AND %s
                                                AND (f.kind = 'UNKNOWN') = :gaps
                        WHERE s.case_id = :id AND s.clearance = :level""".formatted(FindingLevels.servesReader("f.", clearance)))
                .param("id", caseId).param("level", clearance.name()).param("gaps", gaps)
                .params(FindingLevels.reader(clearance))
                .query(rs -> {
                    asOf[0] = Instant.parse(rs.getString(1));
                    String finding = rs.getString(2);
                    if (finding != null) {
                        findings.add(Listed.of(json.readTree(finding), rs.getString(3)));
                    }
                });
        if (asOf[0] == null) {
            return Optional.empty();
        }
        findings.sort(Listed.ORDER);
        return Optional.of(new StoredFindings(asOf[0], findings.stream().map(Listed::finding).toList()));
    }

    /**
     * Every case's status at a clearance, by name, in one statement, so in one snapshot: pages read apart would miss or
     * repeat a case that a registration moved between them. The read may outlast the service's transaction limit on a
     * large store; a rebuild's reset waits for it, for as long as the statement runs, not as long as its reader.
     */
    @Transactional(readOnly = true)
    public List<JsonNode> everyCase(Confidentiality clearance) {
        LongReads.TRANSACTION_TIMEOUT.forEach(statement -> jdbc.sql(statement).update());
        return jdbc.sql("SELECT status::text FROM case_status WHERE clearance = :level ORDER BY " + CaseOrder.NAME.sql)
                .param("level", clearance.name()).query(String.class).list().stream().map(json::readTree).toList();
    }

    public CasePage cases(CaseFilter filter, Confidentiality clearance, int page, int size) {
        return cases(filter, CaseOrder.NAME, clearance, page, size);
    }

    public CasePage cases(CaseFilter filter, CaseOrder order, Confidentiality clearance, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE clearance = :level");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("level", clearance.name());
        if (filter.custodyState() != null) {
            where.append(" AND custody_state = :state");
            params.put("state", filter.custodyState().toUpperCase(Locale.ROOT));
        }
        if (filter.facilityId() != null) {
            where.append(" AND facility_id = :facility");
            params.put("facility", filter.facilityId());
        }
        if (filter.country() != null) {
            where.append(" AND country = :country");
            params.put("country", filter.country());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" AND names_search LIKE :text ESCAPE '\\'");
            params.put("text", "%" + filter.text().strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.ruleId() != null && !filter.ruleId().isBlank()) {
            where.append(" AND EXISTS (SELECT 1 FROM case_finding f WHERE f.case_id = case_status.case_id AND ")
                    .append(FindingLevels.servesReader("f.", clearance)).append(" AND f.rule_id = :rule AND f.state = 'OPEN' AND f.kind <> 'UNKNOWN')");
            params.put("rule", filter.ruleId());
            params.putAll(FindingLevels.reader(clearance));
        }
        long total = jdbc.sql("SELECT count(*) FROM case_status" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<JsonNode> cases = jdbc.sql("SELECT status::text FROM case_status" + where
                        + " ORDER BY " + order.sql + " LIMIT :limit OFFSET :offset")
                .params(params).query(String.class).list().stream().map(json::readTree).toList();
        return new CasePage(cases, total, page, size);
    }

    /** Open flags (data gaps aside) of a severity, counted by the database. */
    public long openFlags(String severity, Confidentiality clearance) {
        return jdbc.sql("""
                        SELECT count(*) FROM case_finding WHERE %s
                        AND state = 'OPEN' AND kind <> 'UNKNOWN' AND severity = :severity""".formatted(FindingLevels.servesReader("", clearance)))
                .params(FindingLevels.reader(clearance)).param("severity", severity).query(Long.class).single();
    }

    /** Cases with an open flag (data gaps aside) of a rule, counted by the database. */
    public long casesFlagged(String ruleId, Confidentiality clearance) {
        return jdbc.sql("""
                        SELECT count(DISTINCT case_id) FROM case_finding WHERE %s
                        AND state = 'OPEN' AND kind <> 'UNKNOWN' AND rule_id = :rule""".formatted(FindingLevels.servesReader("", clearance)))
                .params(FindingLevels.reader(clearance)).param("rule", ruleId).query(Long.class).single();
    }

    public List<JsonNode> heldIn(UUID facilityId, Confidentiality clearance) {
        return jdbc.sql("SELECT status::text FROM case_status WHERE clearance = :level AND facility_id = :facility"
                        + " AND custody_state IN ('DETAINED_PRE_TRIAL', 'SERVING_SENTENCE') ORDER BY names_search")
                .param("level", clearance.name()).param("facility", facilityId)
                .query(String.class).list().stream().map(json::readTree).toList();
    }

    public long everHeldIn(UUID facilityId, Confidentiality clearance) {
        return jdbc.sql("SELECT count(DISTINCT case_id) FROM facility_stay WHERE clearance = :level AND facility_id = :facility")
                .param("level", clearance.name()).param("facility", facilityId).query(Long.class).single();
    }

    /**
     * Every finding the filter matches, by when each began, for an export: a list of all of them is what is asked
     * for. One statement, so the rows and their counts are one snapshot.
     */
    public FindingPage findings(FindingFilter filter, Confidentiality clearance) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, clearance, params);
        List<JsonNode> findings = findingRows(where, params, " ORDER BY start_at, case_id, finding_key");
        Map<String, Long> perRule = new LinkedHashMap<>();
        Map<String, Long> perFacility = new LinkedHashMap<>();
        findings.forEach(node -> {
            perRule.merge(node.get("ruleId").asString(), 1L, Long::sum);
            perFacility.merge(node.get("facilityId").isNull() ? "unknown" : node.get("facilityId").asString(), 1L, Long::sum);
        });
        return new FindingPage(findings, findings.size(), 0, findings.size(), perRule, byCount(perFacility));
    }

    /**
     * One page of the findings the filter matches, in the order the checks run and by when each began, with the
     * counts per rule and per facility (where each began; {@code unknown} when not known, the most first) of all of
     * them: two statements in one snapshot, so that the page and the counts agree.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public FindingPage findings(FindingFilter filter, Confidentiality clearance, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, clearance, params);
        String[] ruleOrder = ComplianceRules.all().stream().map(ComplianceRule::id).toArray(String[]::new);
        params.put("order", ruleOrder);
        Map<String, Long> perRule = new LinkedHashMap<>();
        Map<String, Long> perFacility = new LinkedHashMap<>();
        long[] total = new long[1];
        jdbc.sql("SELECT rule_id, coalesce(CAST(facility_id AS text), 'unknown'), count(*) FROM case_finding" + where
                        + " GROUP BY rule_id, facility_id ORDER BY array_position(CAST(:order AS text[]), rule_id), rule_id")
                .params(params)
                .query(rs -> {
                    long count = rs.getLong(3);
                    perRule.merge(rs.getString(1), count, Long::sum);
                    perFacility.merge(rs.getString(2), count, Long::sum);
                    total[0] += count;
                });
        long offset = (long) page * size;
        params.put("limit", size);
        params.put("offset", offset);
        List<JsonNode> findings = total[0] <= offset ? List.of() : findingRows(where, params,
                " ORDER BY array_position(CAST(:order AS text[]), rule_id), rule_id, start_at, case_id, finding_key"
                        + " LIMIT :limit OFFSET :offset");
        return new FindingPage(findings, total[0], page, size, perRule, byCount(perFacility));
    }

    private static String where(FindingFilter filter, Confidentiality clearance, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE ").append(FindingLevels.servesReader("", clearance));
        params.putAll(FindingLevels.reader(clearance));
        add(where, params, "rule_id", "rule", filter.ruleId());
        add(where, params, "kind", "kind", upper(filter.kind()));
        add(where, params, "severity", "severity", upper(filter.severity()));
        add(where, params, "state", "state", upper(filter.state()));
        add(where, params, "country", "country", filter.country());
        if (filter.facilityId() != null) {
            where.append(" AND facility_id = :facility");
            params.put("facility", filter.facilityId());
        }
        if (filter.withoutGaps()) {
            where.append(" AND kind <> 'UNKNOWN'");
        }
        return where.toString();
    }

    /** The findings' JSON, each with its case and the facility it began in. */
    private List<JsonNode> findingRows(String where, Map<String, Object> params, String orderAndPage) {
        return jdbc.sql("SELECT case_id, facility_id, finding::text FROM case_finding" + where + orderAndPage)
                .params(params)
                .query((rs, n) -> {
                    var node = (tools.jackson.databind.node.ObjectNode) json.readTree(rs.getString(3));
                    node.put("caseId", rs.getString(1));
                    node.put("facilityId", rs.getString(2));
                    return (JsonNode) node;
                }).list();
    }

    /** The counts, the most first. */
    private static Map<String, Long> byCount(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    private static void add(StringBuilder where, Map<String, Object> params, String column, String name, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" AND ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
