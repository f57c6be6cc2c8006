package org.casetimeline.api.config;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The service's connections work as a database role that may append events but never UPDATE or DELETE them
 * (granted in migration V4); only the migrations run with the owner's rights, on their own connections.
 * {@code case-timeline.database.role} names the role; left blank, the login's own rights apply (for a
 * deployment whose login role already carries the V4 grants).
 */
@Configuration(proxyBeanMethods = false)
public class ServiceRoleConfiguration {

    static final String PROPERTY = "case-timeline.database.role";
    static final String DEFAULT_ROLE = "case_timeline_service";

    @Bean
    static BeanPostProcessor serviceRoleOnEveryConnection(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                String role = role(environment);
                if (bean instanceof HikariDataSource pool && !role.isEmpty() && pool.getConnectionInitSql() == null) {
                    pool.setConnectionInitSql("SET ROLE " + role);
                }
                return bean;
            }
        };
    }

    /** Flyway creates tables and grants, so it connects as the login itself rather than borrowing a pooled connection. */
    @Bean
    FlywayConfigurationCustomizer migrationsAsOwner(DataSource dataSource, Environment environment) {
        return configuration -> {
            if (!role(environment).isEmpty() && dataSource instanceof HikariDataSource pool) {
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
