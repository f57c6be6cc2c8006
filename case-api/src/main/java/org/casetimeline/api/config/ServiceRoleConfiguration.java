package org.casetimeline.api.config;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The service's connections work as a database role that may append events but never UPDATE or DELETE them
 * (granted in migration V4); only the migrations run with the owner's rights, on their own connections. A login that is
 * the owner can leave the role again (RESET ROLE), so a deployment gives the service a login of its own
 * (MigrateCommand) and DatabaseLoginCheck says at start which it is.
 * {@code case-timeline.database.role} names the role; left blank, the login's own rights apply (for a
 * deployment whose login role already carries the V4 grants). Every connection also bounds how long a transaction
 * may stay open ({@code case-timeline.database.transaction-timeout}, 30 s).
 */
@Configuration(proxyBeanMethods = false)
public class ServiceRoleConfiguration {

    static final String PROPERTY = "case-timeline.database.role";
    static final String DEFAULT_ROLE = "case_timeline_service";
    /**
     * The longest a service transaction may stay open; PostgreSQL aborts it after that. It must stay below the
     * event store's gap timeout (Axon's default, 60 s): an event takes its global index when inserted and becomes
     * visible at commit, and a tracking processor waits for a gap only that long before it moves past it for
     * good. Bounded this way, every event that commits at all commits while its gap is still awaited.
     */
    static final String TRANSACTION_TIMEOUT = "case-timeline.database.transaction-timeout";

    @Bean
    static BeanPostProcessor serviceRoleOnEveryConnection(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.getConnectionInitSql() == null) {
                    String role = role(environment);
                    Duration limit = environment.getProperty(TRANSACTION_TIMEOUT, Duration.class, Duration.ofSeconds(30));
                    pool.setConnectionInitSql((role.isEmpty() ? "" : "SET ROLE " + role + "; ")
                            + "SET transaction_timeout = " + limit.toMillis());
                }
                return bean;
            }
        };
    }

    /**
     * Flyway creates tables and grants, so it connects as the login itself rather than borrowing a pooled connection;
     * or as the owner named by spring.flyway.user, when the service logs in as a login of its own (MigrateCommand).
     */
    @Bean
    FlywayConfigurationCustomizer migrationsAsOwner(DataSource dataSource, Environment environment) {
        return configuration -> {
            if (!role(environment).isEmpty() && environment.getProperty("spring.flyway.user") == null
                    && dataSource instanceof HikariDataSource pool) {
                configuration.dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
            }
        };
    }

    static String role(Environment environment) {
        String role = environment.getProperty(PROPERTY, DEFAULT_ROLE).trim();
        if (!role.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException(PROPERTY + " must be a plain lower-case role name, not '" + role + "'");
        }
        return role;
    }
}
