package org.casetimeline.api.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The one-command default: with no {@code spring.datasource.url}, a real PostgreSQL is started from the
 * binaries on the classpath, keeping its data under {@code case-timeline.data-dir} between runs, and its server log in
 * {@code postgres/log} there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${case-timeline.data-dir:./data}") Path dataDir) throws IOException {
        Path cluster = dataDir.toAbsolutePath().normalize().resolve("postgres");
        Files.createDirectories(cluster);
        log.info("Starting embedded PostgreSQL with its data in {}", cluster);
        return cluster(cluster).start();
    }

    /** A cluster kept in {@code directory} between runs; the reliability tests start theirs the same way. */
    public static EmbeddedPostgres.Builder cluster(Path directory) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                // the builtin provider gives Unicode case mapping without depending on the host's locales
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                .setServerConfig("listen_addresses", "localhost")
                // zonky turns these off for speed; an acknowledged fact must survive a crash of the machine
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                // zonky reads the server's output only until it has started: errors, deadlocks and crashes after that
                // went nowhere. The server keeps its own log beside its data, a file a weekday, started afresh when the
                // server runs into that day (one started during the day adds to the file it finds)
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", "log")
                .setServerConfig("log_filename", "postgresql-%a.log")
                .setServerConfig("log_truncate_on_rotation", "on")
                .setServerConfig("log_rotation_age", "1d")
                .setServerConfig("log_rotation_size", "0");
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres,
                          @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize,
                          @Value("${spring.datasource.hikari.connection-timeout:3000}") long connectionTimeout) {
        // configured by setters, so the pool starts on first use and ServiceRoleConfiguration can still set it up
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(poolSize);
        pool.setConnectionTimeout(connectionTimeout);
        pool.setPoolName("embedded-postgres");
        return pool;
    }
}
