package dev.parley.starter.autoconfigure;

import dev.parley.application.storage.Migrations;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Parley beside the application's own Flyway. Parley's migrations keep to {@code classpath:db/parley} and
 * {@code parley_schema_history}, so Spring Boot's defaults stay the application's. A database that a release
 * before kept Parley's history in {@value Migrations#LEGACY_HISTORY_TABLE} is taken over before the application's
 * Flyway reads that table; the application's Flyway then finds Parley's tables but no history of its own, and starts
 * one at a baseline below its first migration, as it would have on a database it had to itself.
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
@ConditionalOnClass({Flyway.class, FlywayConfigurationCustomizer.class})
public class ParleyFlywayAutoConfiguration {

    /**
     * Takes over a legacy history table of Parley's before the application's Flyway migrates.
     *
     * @return a customizer that adopts the legacy history and, when the application's Flyway uses that table, lets it
     *     start its own history at a baseline
     */
    @Bean
    public FlywayConfigurationCustomizer parleyLegacyHistory() {
        return configuration -> {
            if (configuration.getDataSource() != null && Migrations.adoptLegacyHistory(configuration.getDataSource())
                    && Migrations.LEGACY_HISTORY_TABLE.equals(configuration.getTable())) {
                configuration.baselineOnMigrate(true).baselineVersion("0");
            }
        };
    }
}
