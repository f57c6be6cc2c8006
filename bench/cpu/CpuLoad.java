import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A closed loop of REST appends (PersonTransferred at random dates over 500 cases) from a number of clients: after a
 * warm-up, the appends of a measured window and the CPU time the service and PostgreSQL spent in it, read from /proc
 * (the postmaster's own, its live backends', and those of backends that ended, which the kernel adds to the
 * postmaster's children's time).
 * <p>
 * {@code java CpuLoad.java <api> <warm-up s> <measured s> <clients> <service pid> <postmaster pid>}
 */
public class CpuLoad {

    static final String SOURCES = "[{\"kind\":\"ngo_report\",\"citation\":\"PEN International, RAN 41/13 (bench)\",\"reliability\":\"B\"}]";
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes());
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        String api = args[0];
        int warmUp = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        long service = Long.parseLong(args[4]);
        long postmaster = Long.parseLong(args[5]);
        String fromFacility = UUID.randomUUID().toString();
        String toFacility = UUID.randomUUID().toString();
        List<String> cases = setUp(api, fromFacility, toFacility);
        appends(api, cases, fromFacility, toFacility, warmUp, clients);
        long serviceBefore = ticks(service, false);
        long postgresBefore = postgresTicks(postmaster);
        long[] counted = appends(api, cases, fromFacility, toFacility, seconds, clients);
        long serviceTicks = ticks(service, false) - serviceBefore;
        long postgresTicks = postgresTicks(postmaster) - postgresBefore;
        double msPerTick = 1000.0 / clockTicksPerSecond();
        System.out.printf(Locale.ROOT, "appends %d in %ds = %.1f/s, errors %d; service CPU %.2f ms/append;"
                        + " PostgreSQL %.2f ms/append%n", counted[0], seconds, counted[0] / (double) seconds, counted[1],
                serviceTicks * msPerTick / counted[0], postgresTicks * msPerTick / counted[0]);
    }

    static List<String> setUp(String api, String fromFacility, String toFacility) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (String facility : List.of(fromFacility, toFacility)) {
            lines.append("{\"facility\": {\"facilityId\": \"").append(facility).append("\", \"name\": \"Prison ")
                    .append(facility, 0, 4).append("\", \"kind\": \"prison\", \"country\": \"KZ\", \"coordinates\":"
                            + " {\"latitude\": 50.2, \"longitude\": 66.9}, \"confidentiality\": \"public\"}}\n");
        }
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String id = UUID.randomUUID().toString();
            cases.add(id);
            lines.append("{\"caseId\": \"").append(id).append("\", \"registration\": {\"names\": [\"Bench Person ")
                    .append(id, 0, 8).append("\"], \"birthYear\": 1960, \"gender\": \"male\", \"home\": {\"name\":"
                            + " \"Almaty\", \"country\": \"KZ\", \"coordinates\": {\"latitude\": 43.2389, \"longitude\":"
                            + " 76.8897}}, \"nextOfKin\": \"his son\", \"sources\": ").append(SOURCES)
                    .append(", \"confidentiality\": \"public\"}}\n");
        }
        HttpResponse<String> imported = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/imports"))
                .header("Authorization", AUTH).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(lines.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 201) {
            throw new IllegalStateException("the set-up import failed: " + imported.body());
        }
        return cases;
    }

    /** Appends for this many seconds; the appends stored and the errors. */
    static long[] appends(String api, List<String> cases, String fromFacility, String toFacility, int seconds, int clients)
            throws InterruptedException {
        AtomicLong stored = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int client = 0; client < clients; client++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    String body = String.format(Locale.ROOT, "{\"type\": \"PersonTransferred\", \"occurredAt\":"
                                    + " \"%d-%02d-%02d\", \"sources\": %s, \"claim\": \"corroborated\", \"confidentiality\":"
                                    + " \"public\", \"data\": {\"fromFacilityId\": \"%s\", \"toFacilityId\": \"%s\","
                                    + " \"noticeGiven\": false}}", 2010 + random.nextInt(10), 1 + random.nextInt(12),
                            1 + random.nextInt(28), SOURCES, fromFacility, toFacility);
                    String caseId = cases.get(random.nextInt(cases.size()));
                    try {
                        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                                        URI.create(api + "/api/v1/cases/" + caseId + "/events"))
                                .header("Authorization", AUTH).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        (answer.statusCode() == 201 ? stored : errors).incrementAndGet();
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return new long[] {stored.get(), errors.get()};
    }

    /** The postmaster's CPU ticks, those of its children that ended, and those of its live children. */
    static long postgresTicks(long postmaster) throws IOException {
        long total = ticks(postmaster, true);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
                String[] stat = stat(process);
                if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                    total += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
        }
        return total;
    }

    /** A process's user and system CPU ticks, with {@code children} those of its children that ended too. */
    static long ticks(long pid, boolean children) throws IOException {
        String[] stat = stat(Path.of("/proc", Long.toString(pid)));
        if (stat == null) {
            throw new IllegalStateException("no process " + pid);
        }
        long own = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        return children ? own + Long.parseLong(stat[13]) + Long.parseLong(stat[14]) : own;
    }

    /** The fields of /proc/<pid>/stat after the command's closing parenthesis (state first, ppid second), or null. */
    static String[] stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null; // ended meanwhile
        }
    }

    static long clockTicksPerSecond() throws IOException, InterruptedException {
        Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
        String ticks = new String(getconf.getInputStream().readAllBytes()).strip();
        getconf.waitFor();
        return Long.parseLong(ticks);
    }
}
