package org.casetimeline.api.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The pool for a database named by {@code spring.datasource.url} (a deployment), declared here rather than left
 * to Boot's auto-configuration: Axon 4.13 orders its JDBC event store after Boot 3's DataSource configuration
 * class, which Boot 4 renamed, so without a DataSource bean of our own it would find none and start without an
 * event store. {@code spring.datasource.hikari.*} still applies.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${spring.datasource.url:}'.isEmpty()")
public class ConfiguredDatabaseConfiguration {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(Environment environment) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(environment.getRequiredProperty("spring.datasource.url"));
        pool.setUsername(environment.getProperty("spring.datasource.username"));
        pool.setPassword(environment.getProperty("spring.datasource.password"));
        pool.setPoolName("case-timeline");
        return pool;
    }
}
