package org.casetimeline.api.storage;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.casetimeline.api.embedded.EmbeddedPostgresConfiguration;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Runs the service's migrations up to a version, for tests of a migration on rows written before it. */
final class Migrations {

    private Migrations() {
    }

    /** A fresh cluster in {@code directory}, migrated to {@code version}: write rows there as that release would. */
    static Cluster cluster(Path directory, String version) throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgresConfiguration.cluster(directory).start();
        Cluster cluster = new Cluster(postgres, JdbcClient.create(postgres.getPostgresDatabase()));
        cluster.migrate(version);
        return cluster;
    }

    /** A cluster under test and a client of its database; closing it stops the cluster. */
    record Cluster(EmbeddedPostgres postgres, JdbcClient jdbc) implements AutoCloseable {

        DataSource database() {
            return postgres.getPostgresDatabase();
        }

        /** Migrates with the locations the service itself uses (spring.flyway.locations in application.yml). */
        void migrate(String target) {
            YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
            yaml.setResources(new ClassPathResource("application.yml"));
            String[] locations = yaml.getObject().getProperty("spring.flyway.locations").split(",");
            Flyway.configure().dataSource(database()).locations(locations).target(target).load().migrate();
        }

        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }
}
