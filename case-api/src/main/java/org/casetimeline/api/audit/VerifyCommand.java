package org.casetimeline.api.audit;

import java.io.PrintStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.casetimeline.projections.audit.ChainReport;
import org.casetimeline.projections.audit.ChainVerifier;
import org.postgresql.ds.PGSimpleDataSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies the chains of a database without starting the web service (README, "Verifying from the command
 * line"). Prints the report as JSON; exits 0 when intact, 1 when anything is broken, 2 when it cannot verify.
 */
public final class VerifyCommand {

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String url = options.getOrDefault("--url", System.getenv("SPRING_DATASOURCE_URL"));
        if (url == null) {
            err.println("usage: --url jdbc:postgresql://host:5432/db [--user name] [--password secret]"
                    + " [--root published-root[,another]] (or SPRING_DATASOURCE_URL, _USERNAME, _PASSWORD)");
            return 2;
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(options.getOrDefault("--user", System.getenv("SPRING_DATASOURCE_USERNAME")));
        dataSource.setPassword(options.getOrDefault("--password", System.getenv("SPRING_DATASOURCE_PASSWORD")));
        try {
            String roots = options.get("--root");
            List<String> published;
            try {
                published = roots == null ? List.of() : Stream.of(roots.split(",")).map(AuditController::root).toList();
            } catch (RuntimeException e) {
                err.println("--root: " + e.getMessage());
                return 2;
            }
            ChainReport report = new ChainVerifier(dataSource, Clock.systemUTC()).verify(published);
            out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return report.intact() ? 0 : 1;
        } catch (RuntimeException e) {
            err.println("could not verify: " + e.getMessage());
            return 2;
        }
    }
}
