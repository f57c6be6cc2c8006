package org.casetimeline.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.axonframework.eventhandling.GenericEventMessage;
import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.Requests;
import org.casetimeline.api.support.TestClock;
import org.casetimeline.projections.audit.ChainCheckpoints;
import org.casetimeline.projections.audit.ChainLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each way of tampering with the store behind the service's back, done with plain SQL, shows in the auditor's
 * verification, naming the event. Its own context and database (the extra property keeps Spring from sharing
 * the cached one): the tampering must not disturb other tests.
 */
// a context of its own (its database, processors and pollers) is closed after the class, not kept running beside
// the later classes until the run ends
@DirtiesContext
@Import(TestClock.Configuration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "case-timeline.data-dir=target/it-data/${random.uuid}", "case-timeline.demo-data=false",
        "server.address=127.0.0.1", "case-timeline.test-context=tamper-evidence",
        // the tests take their checkpoints themselves: a scheduled one taken while a test has a chain forged or cut
        // would be checked by every later verification
        "case-timeline.audit.first-checkpoint-after=P1D",
        // the tests run the re-evaluation themselves: a scheduled run beside one would take the case a test set due
        "case-timeline.reevaluation-first-after=P1D"})
class TamperEvidenceIT {

    @LocalServerPort
    int port;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    ChainCheckpoints checkpoints;
    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;
    @Autowired
    org.casetimeline.projections.status.DueCaseReevaluation reevaluation;
    @Autowired
    TestClock clock;
    @Autowired
    JsonMapper json;
    /** The tamperer has the owner's credentials: the service's own role could not rewrite events at all. */
    JdbcClient jdbc;

    ApiClient api;
    String caseId;

    @BeforeEach
    void recordACase() {
        jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                ((com.zaxxer.hikari.HikariDataSource) dataSource).getJdbcUrl(), "postgres", ""));
        api = new ApiClient(port);
        UUID prison = UUID.fromString(api.post("monitor", "/api/v1/facilities",
                Requests.facility("Pavlodar", "AP-162/1", 52.29, 76.97)).json().get("caseId").asString());
        caseId = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        api.post("monitor", "/api/v1/cases/" + caseId + "/events", Requests.transfer(prison, prison, "2014-03"));
        api.post("monitor", "/api/v1/cases/" + caseId + "/events", Requests.fact("AssistiveDeviceDenied", "2014",
                "public", "{\"device\": \"walking cane\"}"));
    }

    private JsonNode verify() {
        ApiClient.Response response = api.get("auditor", "/api/v1/audit/verify");
        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("breaksFound").asLong()).as("every break counted, and listed while under a thousand")
                .isEqualTo(report.get("breaks").size());
        return report;
    }

    private JsonNode breaksOfThisCase(JsonNode report) {
        var breaks = new tools.jackson.databind.node.ArrayNode(tools.jackson.databind.node.JsonNodeFactory.instance);
        report.get("breaks").forEach(b -> {
            if (b.get("aggregateIdentifier").asString().equals(caseId)) {
                breaks.add(b);
            }
        });
        return breaks;
    }

    /** Tampers, checks the report, and puts the store back as it was so each case is judged alone. */
    private void tamper(String sql, Consumer<JsonNode> expect) {
        // a plain table, not a temporary one: each statement may run on another pooled connection
        jdbc.sql("CREATE TABLE IF NOT EXISTS saved_for_tamper_test (LIKE domainevententry)").update();
        jdbc.sql("DELETE FROM saved_for_tamper_test").update();
        jdbc.sql("INSERT INTO saved_for_tamper_test SELECT * FROM domainevententry WHERE aggregateIdentifier = :id")
                .param("id", caseId).update();
        jdbc.sql(sql).param("id", caseId).update();
        expect.accept(breaksOfThisCase(verify()));
        jdbc.sql("DELETE FROM domainevententry WHERE aggregateIdentifier = :id").param("id", caseId).update();
        jdbc.sql("INSERT INTO domainevententry SELECT * FROM saved_for_tamper_test").update();
        assertThat(breaksOfThisCase(verify())).isEmpty();
    }

    @Test
    void givenAnUntouchedStore_whenVerified_thenEveryChainIsIntact() {
        JsonNode report = verify();
        assertThat(report.get("intact").asBoolean()).isTrue();
        assertThat(report.get("eventsChecked").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(report.get("headsRoot").asString()).hasSize(64);
        assertThat(api.get("viewer", "/api/v1/audit/verify").status()).isEqualTo(403);
        assertThat(api.get("monitor", "/api/v1/audit/verify").status()).isEqualTo(403);
    }

    @Test
    void givenTheHistory_whenReplayedByAnAuditor_thenEveryEventComesWithItsLinkAndFiltersNarrowIt() {
        String ndjson = api.get("auditor", "/api/v1/audit/events").body();
        assertThat(ndjson.lines().filter(line -> line.contains(caseId))).hasSize(3)
                .allSatisfy(line -> assertThat(line).contains("\"link\":\"").doesNotContain("\"link\":null"));
        assertThat(api.get("viewer", "/api/v1/audit/events").status()).isEqualTo(403);
        // the last line counts the lines before it, so a stream cut short shows as such
        List<String> lines = ndjson.lines().toList();
        JsonNode end = json.readTree(lines.get(lines.size() - 1)).get("end");
        assertThat(end.get("events").asLong()).isEqualTo(lines.size() - 1);
        assertThat(end.get("lastGlobalIndex").asLong())
                .isEqualTo(json.readTree(lines.get(lines.size() - 2)).get("globalIndex").asLong());

        // the auditor recomputes each link from the exported row alone, as the README describes, without the service
        for (String line : ndjson.lines().filter(line -> line.contains(caseId)).toList()) {
            JsonNode row = json.readTree(line);
            ChainLink recomputed = new ChainLink(row.get("aggregateIdentifier").asString(), row.get("sequenceNumber").asLong(),
                    row.get("eventIdentifier").asString(), row.get("type").asString(), row.get("timeStamp").asString(),
                    row.get("payloadType").asString(), row.get("payloadRevision").asString(null),
                    row.get("payload").asString().getBytes(StandardCharsets.UTF_8),
                    row.get("metaData").asString().getBytes(StandardCharsets.UTF_8));
            assertThat(recomputed.linkAfter(row.get("previousLink").asString())).as(line).isEqualTo(row.get("link").asString());
        }

        String events = "/api/v1/cases/" + caseId + "/events";
        assertThat(api.get("auditor", events + "?type=AssistiveDeviceDenied").json()).hasSize(1);
        assertThat(api.get("auditor", events + "?recordedBy=monitor").json()).hasSize(3);
        assertThat(api.get("auditor", events + "?recordedBy=someone-else").json()).isEmpty();
        assertThat(api.get("auditor", events + "?recordedFrom=2999").json()).isEmpty();
        assertThat(api.get("auditor", events + "?recordedTo=2000").json()).isEmpty();
        assertThat(api.get("auditor", events + "?recordedFrom=2000&recordedTo=2999").json()).hasSize(3);
        assertThat(api.get("auditor", events + "?recordedFrom=yesterday").status()).isEqualTo(400);
    }

    @Test
    void givenOneByteOfAPayloadChanged_whenVerified_thenThatEventIsNamed() {
        tamper("""
                UPDATE domainevententry SET payload = set_byte(payload, 20, get_byte(payload, 20) # 1)
                WHERE aggregateIdentifier = :id AND sequenceNumber = 2""", breaks -> {
            assertThat(breaks).singleElement().satisfies(b -> {
                assertThat(b.get("sequenceNumber").asLong()).isEqualTo(2);
                assertThat(b.get("eventIdentifier").asString()).isNotBlank();
                assertThat(b.get("problem").asString()).contains("no longer matches");
            });
        });
    }

    @Test
    void givenWhoRecordedItRewritten_whenVerified_thenThatEventIsNamed() {
        tamper("""
                UPDATE domainevententry SET metaData = convert_to(replace(convert_from(metaData, 'UTF8'), 'monitor', 'someone'), 'UTF8')
                WHERE aggregateIdentifier = :id AND sequenceNumber = 1""", breaks ->
                assertThat(breaks).singleElement().satisfies(b -> assertThat(b.get("sequenceNumber").asLong()).isEqualTo(1)));
    }

    @Test
    void givenATimestampMoved_whenVerified_thenThatEventIsNamed() {
        tamper("""
                UPDATE domainevententry SET timeStamp = '2013-10-06T00:00:00Z'
                WHERE aggregateIdentifier = :id AND sequenceNumber = 0""", breaks -> {
                    assertThat(breaks).isNotEmpty().allSatisfy(b -> assertThat(b.get("sequenceNumber").asLong()).isEqualTo(0));
                    assertThat(breaks.toString()).contains("no longer matches its link");
                    // and, when a checkpoint was taken since the case began, dated before it without being in it
                    assertThat(breaks.size()).isLessThanOrEqualTo(2);
                });
    }

    /** The global index is not in the link: moved, it would reorder every replay and the audit stream unnoticed. */
    @Test
    void givenAnEventMovedInTheStoresOrder_whenVerified_thenTheEventItNowFollowsIsNamed() {
        tamper("""
                UPDATE domainevententry SET globalIndex = (SELECT max(globalIndex) + 1000 FROM domainevententry)
                WHERE aggregateIdentifier = :id AND sequenceNumber = 0""", breaks ->
                assertThat(breaks).singleElement().satisfies(b -> {
                    assertThat(b.get("sequenceNumber").asLong()).isEqualTo(1);
                    assertThat(b.get("problem").asString()).contains("store's order");
                }));
    }

    @Test
    void givenAnEventDeleted_whenVerified_thenItsRemainingLinkNamesIt() {
        tamper("DELETE FROM domainevententry WHERE aggregateIdentifier = :id AND sequenceNumber = 1", breaks ->
                assertThat(breaks).singleElement().satisfies(b -> {
                    assertThat(b.get("sequenceNumber").asLong()).isEqualTo(1);
                    assertThat(b.get("problem").asString()).contains("deleted");
                }));
    }

    /** A copy of the case's last event stored after it by SQL, as a forger with the owner's credentials would. */
    private static final String FORGED_AFTER_THE_HEAD = """
            INSERT INTO domainevententry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, payload,
                                          payloadRevision, payloadType, timeStamp)
            SELECT aggregateIdentifier, 3, type, 'forged-' || eventIdentifier, metaData, payload, payloadRevision,
                   payloadType, timeStamp
            FROM domainevententry WHERE aggregateIdentifier = :id AND sequenceNumber = 2""";
    private static final String RESTRAINT = Requests.fact("RestraintApplied", "2014-05-02", "public", "{\"kind\": \"handcuffs\"}");

    @Test
    void givenAnEventInsertedBySql_whenVerified_thenItIsNotInTheChain() {
        tamper(FORGED_AFTER_THE_HEAD, breaks ->
                assertThat(breaks).singleElement().satisfies(b -> {
                    assertThat(b.get("sequenceNumber").asLong()).isEqualTo(3);
                    assertThat(b.get("problem").asString()).contains("not in the chain");
                }));
    }

    @Test
    void givenAnEventInsertedBySql_whenTheCaseIsAppendedTo_thenNothingIsRecordedAndTheForgeryStaysOutsideTheChain() {
        tamper(FORGED_AFTER_THE_HEAD, breaks -> {
            for (String path : List.of("/api/v1/cases/" + caseId + "/events", "/api/v1/imports")) {
                ApiClient.Response refused = path.endsWith("imports")
                        ? api.post("admin", path, "{\"caseId\": \"" + caseId + "\", \"fact\": " + RESTRAINT + "}\n",
                                Map.of("Content-Type", "application/x-ndjson"))
                        : api.post("monitor", path, RESTRAINT);
                assertThat(refused.status()).as(path).isEqualTo(500);
                assertThat(refused.json().get("code").asString()).isEqualTo("UNCHAINED_EVENTS");
            }
            // linking on from the chain's head would have taken the forged event in, and the report would be clean
            assertThat(breaksOfThisCase(verify())).singleElement().satisfies(b -> {
                assertThat(b.get("sequenceNumber").asLong()).isEqualTo(3);
                assertThat(b.get("problem").asString()).contains("not in the chain");
            });
            assertThat(jdbc.sql("SELECT max(sequenceNumber) FROM domainevententry WHERE aggregateIdentifier = :id")
                    .param("id", caseId).query(Long.class).single()).isEqualTo(3);
        });
    }

    @Test
    void givenTheCommandLineVerifier_whenRunAgainstTheDatabase_thenItReportsWithoutTheWebService() {
        String url = ((com.zaxxer.hikari.HikariDataSource) dataSource).getJdbcUrl();
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();

        int intact = VerifyCommand.run(new String[] {"--url", url, "--user", "postgres"}, new java.io.PrintStream(out),
                new java.io.PrintStream(err));
        jdbc.sql("UPDATE domainevententry SET timeStamp = '2000-01-01T00:00:00Z' WHERE aggregateIdentifier = :id"
                + " AND sequenceNumber = 1").param("id", caseId).update();
        int broken = VerifyCommand.run(new String[] {"--url", url, "--user", "postgres"}, new java.io.PrintStream(out),
                new java.io.PrintStream(err));
        int unusable = VerifyCommand.run(new String[] {}, new java.io.PrintStream(out), new java.io.PrintStream(err));

        assertThat(intact).isZero();
        assertThat(broken).isEqualTo(1);
        assertThat(unusable).isEqualTo(2);
        assertThat(out.toString()).contains("\"intact\" : true", "\"intact\" : false", caseId);
        jdbc.sql("DELETE FROM event_chain WHERE aggregateIdentifier = :id").param("id", caseId).update();
        jdbc.sql("DELETE FROM domainevententry WHERE aggregateIdentifier = :id").param("id", caseId).update();
    }

    @Test
    void givenACheckpoint_whenAChainIsRewrittenAfterIt_thenTheCheckpointShowsIt() {
        assertThat(api.post("admin", "/api/v1/admin/audit/checkpoints", "").status()).isEqualTo(201);
        String head = jdbc.sql("SELECT link FROM event_chain WHERE aggregateIdentifier = :id AND sequenceNumber = 2")
                .param("id", caseId).query(String.class).single();
        jdbc.sql("UPDATE event_chain SET link = :forged WHERE aggregateIdentifier = :id AND sequenceNumber = 2")
                .param("forged", "f".repeat(64)).param("id", caseId).update();

        JsonNode report = verify();
        assertThat(report.get("intact").asBoolean()).isFalse();
        assertThat(report.get("breaks").toString()).contains("checkpoint", "rewritten");

        jdbc.sql("UPDATE event_chain SET link = :link WHERE aggregateIdentifier = :id AND sequenceNumber = 2")
                .param("link", head).param("id", caseId).update();
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void givenAPublishedRoot_whenTheCheckpointsAreRewrittenWithTheChains_thenTheRootShowsIt() {
        JsonNode checkpoint = api.post("admin", "/api/v1/admin/audit/checkpoints", "").json();
        String root = checkpoint.get("root").asString();
        long id = checkpoint.get("checkpointId").asLong();
        assertThat(checkpoint.get("createdAt").asString()).isNotBlank();
        assertThat(api.get("auditor", "/api/v1/audit/verify?root=" + root).json().get("intact").asBoolean()).isTrue();
        assertThat(api.get("auditor", "/api/v1/audit/verify?root=%20" + root.toUpperCase() + "%20").json().get("intact")
                .asBoolean()).as("a root as printed or copied").isTrue();
        assertThat(api.get("auditor", "/api/v1/audit/verify?root=not-a-root").status()).isEqualTo(400);

        // one who rewrites the chains rewrites (here: removes) the checkpoints that would show it, leaving nothing stored
        // to compare with; the root published elsewhere still names a state the store no longer holds
        Map<String, Object> saved = jdbc.sql("SELECT created_at, events, heads::text AS heads, root_format FROM chain_checkpoint"
                + " WHERE checkpoint_id = :id").param("id", id).query().singleRow();
        jdbc.sql("DELETE FROM chain_checkpoint WHERE checkpoint_id = :id").param("id", id).update();

        JsonNode report = api.get("auditor", "/api/v1/audit/verify?root=" + root).json();
        assertThat(report.get("intact").asBoolean()).isFalse();
        assertThat(report.get("breaks").toString()).contains("published root " + root);
        assertThat(verify().get("intact").asBoolean()).as("without the published root, nothing shows").isTrue();

        jdbc.sql("INSERT INTO chain_checkpoint (checkpoint_id, created_at, events, root, heads, root_format)"
                        + " VALUES (:id, :at, :events, :root, CAST(:heads AS jsonb), :format)")
                .param("id", id).param("at", saved.get("created_at")).param("events", saved.get("events"))
                .param("root", root).param("heads", saved.get("heads")).param("format", saved.get("root_format")).update();
        assertThat(api.get("auditor", "/api/v1/audit/verify?root=" + root).json().get("intact").asBoolean()).isTrue();
    }

    /**
     * A due case whose events can no longer be read (a payload rewritten behind the service's back) fails its
     * re-evaluation. It is tried again a quarter of an hour later instead of keeping its due instant, with which, the longest due
     * coming first, it took a place in every run ahead of the cases due after it.
     */
    @Test
    void givenADueCaseThatCannotBeEvaluated_whenReevaluated_thenItIsTriedAgainAQuarterOfAnHourLater() {
        // the case's status rows are written in the background; the payload is spoilt only once they are there
        org.casetimeline.api.support.Await.until("the case's status rows", java.time.Duration.ofSeconds(60), () -> jdbc.sql(
                "SELECT count(*) FROM case_status WHERE case_id = :id AND version = 2").param("id", UUID.fromString(caseId))
                .query(Long.class).single() == 3);
        byte[] payload = jdbc.sql("SELECT payload FROM domainevententry WHERE aggregateIdentifier = :id AND sequenceNumber = 1")
                .param("id", caseId).query(byte[].class).single();
        jdbc.sql("UPDATE domainevententry SET payload = convert_to('{no longer json', 'UTF8') WHERE aggregateIdentifier = :id"
                + " AND sequenceNumber = 1").param("id", caseId).update();
        try {
            assertThat(jdbc.sql("UPDATE case_status SET next_due_at = TIMESTAMPTZ '1990-01-01' WHERE case_id = :id")
                    .param("id", UUID.fromString(caseId)).update()).as("the case's status at each clearance").isEqualTo(3);

            reevaluation.reevaluateDueCases();

            assertThat(jdbc.sql("SELECT next_due_at FROM case_status WHERE case_id = :id").param("id", UUID.fromString(caseId))
                    .query(java.sql.Timestamp.class).list()).hasSize(3).allSatisfy(due -> assertThat(due.toInstant())
                    .isAfter(clock.instant().plus(java.time.Duration.ofMinutes(14))));
        } finally {
            jdbc.sql("UPDATE domainevententry SET payload = :payload WHERE aggregateIdentifier = :id AND sequenceNumber = 1")
                    .param("payload", payload).param("id", caseId).update();
        }
    }

    /**
     * A snapshot row written behind the service's back (the service itself may no longer write one, V117) is not read
     * in place of the case's events when the case is loaded: its state comes from its events alone.
     */
    @Test
    void givenASnapshotWrittenBehindTheServicesBack_whenTheCaseIsLoaded_thenItsEventsAloneGiveIt() {
        // a snapshot Axon can read: a payload of a type it knows, and metadata
        jdbc.sql("INSERT INTO snapshotevententry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData,"
                        + " payload, payloadType, timeStamp) VALUES (:id, 1, 'PrisonerCase', :event, convert_to('{}', 'UTF8'),"
                        + " convert_to('\"forged\"', 'UTF8'), 'java.lang.String', '2000-01-01T00:00:00Z')")
                .param("id", caseId).param("event", UUID.randomUUID().toString()).update();
        try {
            org.axonframework.eventhandling.DomainEventMessage<?> first = eventStore.readEvents(caseId).next();
            assertThat(first.getSequenceNumber()).isZero();
            assertThat(first.getPayload()).isNotEqualTo("forged");
        } finally {
            jdbc.sql("DELETE FROM snapshotevententry WHERE aggregateIdentifier = :id").param("id", caseId).update();
        }
    }

    /**
     * A checkpoint whose heads were rewritten out of shape (a position that is no number, or too large for one; a head
     * that is an object or null; no map at all) is reported as a break like any rewritten head, and the verification
     * goes on to the rest. A failed cast or a head read as text used to end it with an error and lose every break found.
     */
    @Test
    void givenACheckpointWhoseHeadsAreRewrittenOutOfShape_whenVerified_thenEachIsABreak_andTheRestIsStillChecked() {
        long id = api.post("admin", "/api/v1/admin/audit/checkpoints", "").json().get("checkpointId").asLong();
        String heads = jdbc.sql("SELECT heads::text FROM chain_checkpoint WHERE checkpoint_id = :id").param("id", id)
                .query(String.class).single();
        String recorded = jdbc.sql("SELECT timeStamp FROM domainevententry WHERE aggregateIdentifier = :id AND sequenceNumber = 1")
                .param("id", caseId).query(String.class).single();
        // each: the head as SQL over the stored one (h), and how the report quotes it
        Map<String, String> rewrites = new java.util.LinkedHashMap<>();
        rewrites.put("to_jsonb('abc:' || split_part(h, ':', 2))", "abc:");
        rewrites.put("to_jsonb('99999999999999999999999:' || split_part(h, ':', 2))", "99999999999999999999999:");
        rewrites.put("'{}'::jsonb", "{}");
        rewrites.put("'null'::jsonb", "null");
        try {
            for (Map.Entry<String, String> rewrite : rewrites.entrySet()) {
                jdbc.sql("UPDATE chain_checkpoint SET heads = jsonb_set(heads, ARRAY[CAST(:case AS text)], (SELECT "
                                + rewrite.getKey() + " FROM (SELECT heads ->> CAST(:case AS text) AS h) AS head))"
                                + " WHERE checkpoint_id = :id")
                        .param("case", caseId).param("id", id).update();
                // and an event rewritten beside it, which the verification still finds
                jdbc.sql("UPDATE domainevententry SET timeStamp = '2000-01-01T00:00:00Z' WHERE aggregateIdentifier = :id"
                        + " AND sequenceNumber = 1").param("id", caseId).update();
                assertThat(breaksOfThisCase(verify()).toString()).as(rewrite.getKey())
                        .contains("checkpoint " + id + " records \\\"" + rewrite.getValue())
                        .contains("no longer matches its link");
                restore(id, heads, recorded);
            }
            jdbc.sql("UPDATE chain_checkpoint SET heads = '[]' WHERE checkpoint_id = :id").param("id", id).update();
            JsonNode report = verify();
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.get("breaks").toString()).contains("the checkpoint's heads are no map of chains");
        } finally {
            restore(id, heads, recorded);
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    private void restore(long checkpoint, String heads, String recorded) {
        jdbc.sql("UPDATE chain_checkpoint SET heads = CAST(:heads AS jsonb) WHERE checkpoint_id = :id")
                .param("heads", heads).param("id", checkpoint).update();
        jdbc.sql("UPDATE domainevententry SET timeStamp = :at WHERE aggregateIdentifier = :id AND sequenceNumber = 1")
                .param("at", recorded).param("id", caseId).update();
    }

    /**
     * A checkpoint's root binds the time it was taken (which decides the events it must hold) and its link count, by the
     * README's recipe, recomputed here without the service's code: either rewritten shows. One taken before V116 (its
     * root over the heads alone) still verifies.
     */
    @Test
    void givenACheckpoint_whenItsTimeOrCountIsRewritten_thenItsRootNoLongerMatches() throws Exception {
        JsonNode checkpoint = api.post("admin", "/api/v1/admin/audit/checkpoints", "").json();
        long id = checkpoint.get("checkpointId").asLong();
        // as an auditor publishes it: the createdAt the service answered, not the stored column
        java.time.Instant taken = java.time.Instant.parse(checkpoint.get("createdAt").asString());
        String heads = jdbc.sql("SELECT heads::text FROM chain_checkpoint WHERE checkpoint_id = :id").param("id", id)
                .query(String.class).single();
        String takenLine = "taken " + java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(taken) + " over " + checkpoint.get("events").asLong() + " links\n";
        assertThat(checkpoint.get("rootFormat").asInt()).as("the recipe the answer names").isEqualTo(2);
        assertThat(checkpoint.get("root").asString()).isEqualTo(sha256(takenLine + headLines(heads)));

        jdbc.sql("UPDATE chain_checkpoint SET created_at = created_at - interval '1 day' WHERE checkpoint_id = :id")
                .param("id", id).update();
        assertThat(verify().get("breaks").toString()).contains("root does not match its heads, the time it was taken");
        jdbc.sql("UPDATE chain_checkpoint SET created_at = created_at + interval '1 day', events = events + 1"
                + " WHERE checkpoint_id = :id").param("id", id).update();
        assertThat(verify().get("breaks").toString()).contains("root does not match its heads, the time it was taken");
        jdbc.sql("UPDATE chain_checkpoint SET events = events - 1 WHERE checkpoint_id = :id").param("id", id).update();
        assertThat(verify().get("intact").asBoolean()).isTrue();

        // as V116 left the checkpoints taken before it: format 1, the root over the heads alone
        jdbc.sql("UPDATE chain_checkpoint SET root_format = 1, root = :root WHERE checkpoint_id = :id")
                .param("root", sha256(headLines(heads))).param("id", id).update();
        assertThat(verify().get("intact").asBoolean()).isTrue();
        jdbc.sql("UPDATE chain_checkpoint SET root = :root WHERE checkpoint_id = :id")
                .param("root", sha256(takenLine + headLines(heads))).param("id", id).update();
        assertThat(verify().get("breaks").toString()).contains("the checkpoint's root does not match its heads\"");
        jdbc.sql("UPDATE chain_checkpoint SET root_format = 2 WHERE checkpoint_id = :id").param("id", id).update();
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    /**
     * A copy of a store from before V116 (no root_format column, every root over the heads alone), as VerifyCommand may be
     * pointed at: verified, its checkpoints read as format 1.
     */
    @Test
    void givenAStoreFromBeforeV116_whenVerified_thenItsCheckpointsAreReadAsHashingTheirHeadsAlone() throws Exception {
        checkpoints.checkpoint();
        for (Map<String, Object> row : jdbc.sql("SELECT checkpoint_id, heads::text AS heads FROM chain_checkpoint").query().listOfRows()) {
            jdbc.sql("UPDATE chain_checkpoint SET root = :root, root_format = 1 WHERE checkpoint_id = :id")
                    .param("root", sha256(headLines((String) row.get("heads")))).param("id", row.get("checkpoint_id")).update();
        }
        jdbc.sql("ALTER TABLE chain_checkpoint DROP COLUMN root_format").update();
        try {
            JsonNode report = verify();
            assertThat(report.get("checkpointsChecked").asLong()).isPositive();
            assertThat(report.get("intact").asBoolean()).isTrue();
        } finally {
            // as V116 puts it back: every checkpoint so far hashes its heads alone
            jdbc.sql("ALTER TABLE chain_checkpoint ADD COLUMN root_format SMALLINT NOT NULL DEFAULT 1"
                    + " CONSTRAINT chain_checkpoint_root_format CHECK (root_format IN (1, 2))").update();
        }
        // the chains have not moved, but the latest checkpoint binds no time: the scheduled one takes a checkpoint that does
        long stored = jdbc.sql("SELECT count(*) FROM chain_checkpoint").query(Long.class).single();
        checkpoints.checkpointIfMoved();
        assertThat(jdbc.sql("SELECT root_format FROM chain_checkpoint ORDER BY checkpoint_id DESC LIMIT 1").query(Integer.class)
                .single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM chain_checkpoint").query(Long.class).single()).isEqualTo(stored + 1);
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    /** A checkpoint's heads as the README's recipe hashes them: one "aggregate:sequence:link" line each, sorted. */
    private String headLines(String heads) {
        StringBuilder lines = new StringBuilder();
        new java.util.TreeMap<>(json.readValue(heads, new tools.jackson.core.type.TypeReference<Map<String, String>>() { }))
                .forEach((aggregate, head) -> lines.append(aggregate).append(':').append(head).append('\n'));
        return lines.toString();
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void givenNoAppendSinceTheLastCheckpoint_whenTheScheduledOneRuns_thenItStoresNone() {
        checkpoints.checkpointIfMoved();
        long stored = jdbc.sql("SELECT count(*) FROM chain_checkpoint").query(Long.class).single();

        checkpoints.checkpointIfMoved();
        assertThat(jdbc.sql("SELECT count(*) FROM chain_checkpoint").query(Long.class).single()).isEqualTo(stored);

        api.post("monitor", "/api/v1/cases/" + caseId + "/events", RESTRAINT);
        checkpoints.checkpointIfMoved();
        assertThat(jdbc.sql("SELECT count(*) FROM chain_checkpoint").query(Long.class).single()).isEqualTo(stored + 1);
    }

    /**
     * A whole case inserted after a checkpoint, its events dated years before it: each link is right and no event has a
     * predecessor to be dated against, but the checkpoint (and a root published from it) was taken without them.
     */
    @Test
    void givenACaseInsertedAfterACheckpointWithEarlierDates_whenVerified_thenItsEventsAreNamedAsBackdated() {
        ChainCheckpoints.Checkpoint checkpoint = checkpoints.checkpoint();
        java.time.Clock system = GenericEventMessage.clock;
        String forged;
        try {
            GenericEventMessage.clock = java.time.Clock.fixed(java.time.Instant.parse("2014-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
            forged = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        } finally {
            GenericEventMessage.clock = system;
        }
        try {
            assertThat(backdatedPast(verify(), forged)).containsExactly(checkpoint.checkpointId());
            // a checkpoint taken since holds the forged case: the latest no longer shows it, the published root does
            checkpoints.checkpoint();
            assertThat(backdatedPast(verify(), forged)).isEmpty();
            JsonNode report = api.get("auditor", "/api/v1/audit/verify?root=" + checkpoint.root()).json();
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(backdatedPast(report, forged)).containsExactly(checkpoint.checkpointId());
        } finally {
            // the later checkpoint holds the forged chain: it goes with it
            jdbc.sql("DELETE FROM chain_checkpoint WHERE checkpoint_id > :id").param("id", checkpoint.checkpointId()).update();
            jdbc.sql("DELETE FROM event_chain WHERE aggregateIdentifier = :id").param("id", forged).update();
            jdbc.sql("DELETE FROM domainevententry WHERE aggregateIdentifier = :id").param("id", forged).update();
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    /** The checkpoints a case's first event is reported as dated before without being in. */
    private static List<Long> backdatedPast(JsonNode report, String caseId) {
        List<Long> checkpoints = new java.util.ArrayList<>();
        report.get("breaks").forEach(b -> {
            String problem = b.get("problem").asString();
            if (b.get("aggregateIdentifier").asString().equals(caseId) && b.get("sequenceNumber").asLong() == 0
                    && problem.startsWith("the event is dated before checkpoint ")) {
                checkpoints.add(Long.parseLong(problem.replaceAll("\\D*(\\d+).*", "$1")));
            }
        });
        return checkpoints;
    }

    @Test
    void givenAnEventRecordedWithAClockLongBehind_whenVerified_thenItIsNamedAsBackdated() {
        // as a forger appending through the service's own path would date an event to move it in knownAt readings
        String late = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        java.time.Clock system = GenericEventMessage.clock;
        try {
            GenericEventMessage.clock = java.time.Clock.fixed(java.time.Instant.parse("2014-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
            assertThat(api.post("monitor", "/api/v1/cases/" + late + "/events", RESTRAINT).status()).isEqualTo(201);
        } finally {
            GenericEventMessage.clock = system;
        }
        try {
            JsonNode report = verify();
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.get("breaks").toString()).contains(late, "before the event ahead of it");
        } finally {
            jdbc.sql("DELETE FROM event_chain WHERE aggregateIdentifier = :id").param("id", late).update();
            jdbc.sql("DELETE FROM domainevententry WHERE aggregateIdentifier = :id").param("id", late).update();
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }
}
