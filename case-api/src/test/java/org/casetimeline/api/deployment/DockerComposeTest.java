package org.casetimeline.api.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.casetimeline.api.config.MigrateCommand;
import org.casetimeline.api.security.Role;
import org.casetimeline.api.security.SecurityProperties;
import org.casetimeline.core.shared.Confidentiality;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml parses, runs PostgreSQL 18, and its variables bind to what the service reads. */
class DockerComposeTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("..", "docker-compose.yml"))) {
            return new Yaml().load(reader);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenTheComposeFile_whenParsed_thenPostgres18AndTheServiceBuiltFromThisRepository() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
        Map<String, Object> service = (Map<String, Object>) services.get("case-timeline");

        assertThat(postgres.get("image")).isEqualTo("postgres:18");
        Map<String, Object> build = (Map<String, Object>) service.get("build");
        assertThat(Path.of("..").resolve((String) build.get("context")).resolve((String) build.get("dockerfile")))
                .exists();
        Map<String, Object> environment = (Map<String, Object>) service.get("environment");
        assertThat(environment).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
                "SPRING_DATASOURCE_PASSWORD", "SERVER_ADDRESS");
        assertThat((String) environment.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:5432/");
    }

    /**
     * The service never holds the owner's password: a one-off migrate step runs the migrations as the owner and gives
     * the service a login of its own, and the service starts only once that step has succeeded.
     */
    @Test
    @SuppressWarnings("unchecked")
    void givenTheComposeFile_whenParsed_thenMigrationsRunAsTheOwnerAndTheServiceAsItsOwnLogin() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, Object> postgres = (Map<String, Object>) ((Map<String, Object>) services.get("postgres")).get("environment");
        Map<String, Object> migrate = (Map<String, Object>) services.get("migrate");
        Map<String, Object> migrateEnvironment = (Map<String, Object>) migrate.get("environment");
        Map<String, Object> service = (Map<String, Object>) services.get("case-timeline");
        Map<String, Object> serviceEnvironment = (Map<String, Object>) service.get("environment");

        assertThat((List<String>) migrate.get("entrypoint")).contains("-Dloader.main=" + MigrateCommand.class.getName());
        assertThat(migrateEnvironment.get("SPRING_FLYWAY_USER")).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(migrateEnvironment.get("SPRING_FLYWAY_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
        assertThat(migrateEnvironment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(serviceEnvironment.get("SPRING_DATASOURCE_USERNAME"))
                .isNotEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(migrateEnvironment.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(serviceEnvironment.get("SPRING_DATASOURCE_PASSWORD"));
        assertThat(serviceEnvironment.values()).as("the owner's password stays out of the service")
                .doesNotContain(postgres.get("POSTGRES_PASSWORD"));
        assertThat(serviceEnvironment.get("SPRING_FLYWAY_ENABLED")).isEqualTo("false");
        assertThat((Map<String, Object>) ((Map<String, Object>) service.get("depends_on")).get("migrate"))
                .containsEntry("condition", "service_completed_successfully");
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenTheComposeEnvironment_whenBoundLikeSpringBinds_thenUsersRolesAndClearanceAreRead() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) services.get("case-timeline"))
                .get("environment");
        Map<String, Object> variables = new HashMap<>();
        environment.forEach((name, value) -> variables.put(name, String.valueOf(value)));
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        Binder binder = new Binder(ConfigurationPropertySources.from(sources));

        SecurityProperties security = new SecurityProperties(binder.bind("case-timeline.security.users",
                Bindable.listOf(SecurityProperties.User.class)).get());
        assertThat(binder.bind("spring.datasource.url", String.class).get()).contains("postgres");
        assertThat(binder.bind("server.address", String.class).get()).isEqualTo("0.0.0.0");
        assertThat(binder.bind("case-timeline.demo-data", Boolean.class).get()).isFalse();
        assertThat(binder.bind("server.port", Integer.class).get()).isEqualTo(8080);
        List<SecurityProperties.User> users = security.users();
        assertThat(users).extracting(SecurityProperties.User::name).containsExactly("monitor", "admin");
        assertThat(users.get(0).roles()).containsExactly(Role.MONITOR);
        assertThat(users.get(1).effectiveClearance()).isEqualTo(Confidentiality.CONFIDENTIAL);
    }
}
