package org.casetimeline.api.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.casetimeline.api.CaseTimelineApplication;
import org.casetimeline.api.cases.CaseRecorder;
import org.casetimeline.api.cases.FactRequest;
import org.casetimeline.api.cases.FactTranslator;
import org.casetimeline.api.security.Reader;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.Confidentiality;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's in-process row, run by {@code bench/run.sh}, never by the tests: a second node of the service
 * on the bench's PostgreSQL, whose threads append through the same {@link CaseRecorder} the REST controller calls
 * (translator, command gateway, aggregate, hash chain, one transaction), with no HTTP, JSON body parsing of the
 * request or security in the way. Prints one JSON line per client count.
 *
 * <pre>GatewayAppends --pg 127.0.0.1:5432 --clients 1,4,16 --seconds 6</pre>
 */
public final class GatewayAppends {

    private static final String USER = "bench";

    private GatewayAppends() {
    }

    public static void main(String[] args) throws Exception {
        String pg = "127.0.0.1:5432";
        int[] clients = {1, 4, 16};
        Duration step = Duration.ofSeconds(6);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pg" -> pg = args[++i];
                case "--clients" -> clients = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--seconds" -> step = Duration.ofSeconds(Long.parseLong(args[++i]));
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(CaseTimelineApplication.class).run(
                "--server.port=0", "--spring.datasource.url=jdbc:postgresql://" + pg + "/postgres",
                "--spring.datasource.username=postgres", "--case-timeline.demo-data=false",
                "--case-timeline.security.users[0].name=" + USER, "--case-timeline.security.users[0].password={noop}" + USER,
                "--case-timeline.security.users[0].roles[0]=MONITOR", "--logging.level.root=WARN")) {
            CaseRecorder recorder = service.getBean(CaseRecorder.class);
            FactTranslator translator = service.getBean(FactTranslator.class);
            JsonMapper json = service.getBean(JsonMapper.class);
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            List<String> cases = aggregatesWith(jdbc, "PrisonerRegistered");
            List<String> facilities = aggregatesWith(jdbc, "FacilityRegistered");
            if (cases.isEmpty() || facilities.size() < 2) {
                throw new IllegalStateException("the bench's cases and facilities must be registered first");
            }
            for (int count : clients) {
                System.out.println(closedLoop(count, step, () -> {
                    String caseId = cases.get(ThreadLocalRandom.current().nextInt(cases.size()));
                    FactRequest request = json.readValue(transfer(facilities.get(0), facilities.get(1)), FactRequest.class);
                    recorder.once(USER, null, "", () -> { // no key: retried on a concurrent append, as REST is
                        recorder.send(new Reader(USER, Confidentiality.PUBLIC), caseId, translator.toCommand(new Reader(USER, Confidentiality.PUBLIC), new CaseId(UUID.fromString(caseId)), null, request));
                        return null;
                    });
                }));
            }
        }
        System.exit(0); // the service's own non-daemon threads would keep the JVM up after the context closed
    }

    private static List<String> aggregatesWith(JdbcClient jdbc, String payload) {
        return jdbc.sql("SELECT aggregateIdentifier FROM domainevententry WHERE payloadType LIKE :type ORDER BY globalIndex")
                .param("type", "%." + payload).query(String.class).list();
    }

    /** The same fact as the REST rows send (LoadGenerator.factBody). */
    private static String transfer(String from, String to) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format(Locale.ROOT, "{\"type\": \"PersonTransferred\", \"occurredAt\": \"%d-%02d-%02d\", \"sources\":"
                + " [{\"kind\":\"ngo_report\",\"citation\":\"PEN International, RAN 41/13 (bench)\",\"reliability\":\"B\"}],"
                + " \"claim\": \"corroborated\", \"confidentiality\": \"public\", \"data\": {\"fromFacilityId\": \"%s\","
                + " \"toFacilityId\": \"%s\", \"noticeGiven\": false}}", 2010 + random.nextInt(10), 1 + random.nextInt(12),
                1 + random.nextInt(28), from, to);
    }

    private static String closedLoop(int clients, Duration step, Runnable append) throws InterruptedException {
        List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + step.toNanos();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            long[] own = new long[1 << 18];
            Thread thread = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    long begin = System.nanoTime();
                    try {
                        append.run();
                        if (n < own.length) {
                            own[n++] = System.nanoTime() - begin;
                        }
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                    }
                }
                latencies.add(Arrays.copyOf(own, n));
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return String.format(Locale.ROOT, "{\"writer\":\"command gateway in-process\",\"clients\":%d,\"count\":%d,"
                        + "\"seconds\":%.2f,\"throughput\":%.1f,\"p50ms\":%.2f,\"p95ms\":%.2f,\"p99ms\":%.2f,\"maxms\":%.2f,"
                        + "\"errors\":%d}", clients, all.length, seconds, all.length / seconds, ms(all, 0.5), ms(all, 0.95),
                ms(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, errors.get());
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
