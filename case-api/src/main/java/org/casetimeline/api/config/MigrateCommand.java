package org.casetimeline.api.config;

import java.io.PrintStream;
import java.util.Map;
import java.util.Properties;

import org.casetimeline.projections.audit.ServiceLogin;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * Migrates the schema with the owner's login and gives the service a login of its own, in a process of its own
 * (docker-compose.yml runs it before the service). The service then holds no credential that can rewrite history: its
 * login is a member of {@code case_timeline_service} only (migration V4), so neither {@code RESET ROLE} nor
 * {@code SET ROLE} gives it the owner's rights, as they would a service that logs in as the owner.
 *
 * <p>Reads SPRING_DATASOURCE_URL, the owner's SPRING_FLYWAY_USER and SPRING_FLYWAY_PASSWORD, and the service's
 * SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD from the environment (never from arguments, which other
 * users of the machine can read). Exits 0 when done, 1 when it could not be done, 2 on a configuration mistake.
 */
public final class MigrateCommand {

    private MigrateCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv(), System.out, System.err));
    }

    static int run(Map<String, String> environment, PrintStream out, PrintStream err) {
        String url = environment.get("SPRING_DATASOURCE_URL");
        String owner = environment.get("SPRING_FLYWAY_USER");
        String login = environment.get("SPRING_DATASOURCE_USERNAME");
        String password = environment.get("SPRING_DATASOURCE_PASSWORD");
        if (url == null || owner == null || login == null || password == null || password.isBlank()) {
            err.println("set SPRING_DATASOURCE_URL, SPRING_FLYWAY_USER and SPRING_FLYWAY_PASSWORD (the owner), and"
                    + " SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD (the service's login)");
            return 2;
        }
        if (login.equals(owner) || !login.matches("[a-z_][a-z0-9_]*")) {
            err.println("SPRING_DATASOURCE_USERNAME must be a plain lower-case role name other than the owner's, not '"
                    + login + "'");
            return 2;
        }
        try {
            PGSimpleDataSource asOwner = new PGSimpleDataSource();
            asOwner.setUrl(url);
            asOwner.setUser(owner);
            asOwner.setPassword(environment.get("SPRING_FLYWAY_PASSWORD"));
            int applied = Flyway.configure().dataSource(asOwner).locations(locations()).load().migrate().migrationsExecuted;
            ServiceLogin.grant(asOwner, login, password, ServiceRoleConfiguration.DEFAULT_ROLE);
            out.println("migrated (" + applied + " new migrations); the service logs in as " + login
                    + ", a member of " + ServiceRoleConfiguration.DEFAULT_ROLE + " only");
            return 0;
        } catch (RuntimeException e) {
            err.println("could not migrate: " + e.getMessage());
            return 1;
        }
    }

    /** The service's own migration locations (application.yml), so the two can never run different migrations. */
    static String[] locations() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        String locations = properties == null ? null : properties.getProperty("spring.flyway.locations");
        if (locations == null) {
            throw new IllegalStateException("application.yml names no spring.flyway.locations");
        }
        return locations.split("\\s*,\\s*");
    }
}
