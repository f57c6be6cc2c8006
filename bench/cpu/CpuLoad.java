import java.net.URI;
import java.net.http.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

/** A closed loop of REST appends (PersonTransferred at random dates over 500 cases) from a number of clients, for a number of seconds. */
public class CpuLoad {
    static final String SOURCES = "[{\"kind\":\"ngo_report\",\"citation\":\"PEN International, RAN 41/13 (bench)\",\"reliability\":\"B\"}]";
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes());
    public static void main(String[] a) throws Exception {
        String api = a[0]; int seconds = Integer.parseInt(a[1]); int clients = Integer.parseInt(a[2]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String fa = UUID.randomUUID().toString(), fb = UUID.randomUUID().toString();
        StringBuilder lines = new StringBuilder();
        for (String f : List.of(fa, fb)) lines.append("{\"facility\": {\"facilityId\": \"" + f + "\", \"name\": \"P " + f.substring(0, 4) + "\", \"kind\": \"prison\", \"country\": \"KZ\", \"coordinates\": {\"latitude\": 50.2, \"longitude\": 66.9}, \"confidentiality\": \"public\"}}\n");
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String id = UUID.randomUUID().toString(); cases.add(id);
            lines.append("{\"caseId\": \"" + id + "\", \"registration\": {\"names\": [\"Bench Person " + id.substring(0, 8) + "\"], \"birthYear\": 1960, \"gender\": \"male\", \"home\": {\"name\": \"Almaty\", \"country\": \"KZ\", \"coordinates\": {\"latitude\": 43.2389, \"longitude\": 76.8897}}, \"nextOfKin\": \"his son\", \"sources\": " + SOURCES + ", \"confidentiality\": \"public\"}}\n");
        }
        var r = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/imports")).header("Authorization", AUTH).header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(lines.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) throw new IllegalStateException(r.body());
        AtomicLong done = new AtomicLong(), errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) pool.submit(() -> {
            while (System.nanoTime() < end) {
                var rnd = ThreadLocalRandom.current();
                String body = String.format(Locale.ROOT, "{\"type\": \"PersonTransferred\", \"occurredAt\": \"%d-%02d-%02d\", \"sources\": %s, \"claim\": \"corroborated\", \"confidentiality\": \"public\", \"data\": {\"fromFacilityId\": \"%s\", \"toFacilityId\": \"%s\", \"noticeGiven\": false}}", 2010 + rnd.nextInt(10), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28), SOURCES, fa, fb);
                try {
                    var resp = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/cases/" + cases.get(rnd.nextInt(cases.size())) + "/events")).header("Authorization", AUTH).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (resp.statusCode() == 201) done.incrementAndGet(); else { if (errors.incrementAndGet() < 3) System.err.println(resp.statusCode() + " " + resp.body()); }
                } catch (Exception e) { errors.incrementAndGet(); }
            }
            return null;
        });
        pool.shutdown(); pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        System.out.printf("appends %d in %ds = %.1f/s, errors %d%n", done.get(), seconds, done.get() / (double) seconds, errors.get());
    }
}
