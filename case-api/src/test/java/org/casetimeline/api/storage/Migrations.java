package org.casetimeline.api.storage;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** Runs the service's migrations up to a version, for tests of a migration on rows written before it. */
final class Migrations {

    private Migrations() {
    }

    /** Migrates with the locations the service itself uses (spring.flyway.locations in application.yml). */
    static void migrate(DataSource database, String target) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        String[] locations = yaml.getObject().getProperty("spring.flyway.locations").split(",");
        Flyway.configure().dataSource(database).locations(locations).target(target).load().migrate();
    }
}
