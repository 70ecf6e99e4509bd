package dev.parley.starter.autoconfigure;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.projections.json.ParleyJson;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Parley's types in the application's own {@link ObjectMapper}, which Spring Boot builds with every {@link Module}
 * bean: a controller takes a command as its request body in the JSON of a command-file line
 * ({@code "incidentId":"inc-3"}, {@code "occurredAt":"2025-10-12"}), and writes ids as plain strings.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@ConditionalOnClass(ObjectMapper.class)
public class ParleyJacksonAutoConfiguration {

    /**
     * Parley's Jackson module, unless the application declares one of the same name.
     *
     * @return the module with Parley's commands, ids and time formats
     */
    @Bean
    @ConditionalOnMissingBean(name = "parleyJsonModule")
    public Module parleyJsonModule() {
        return ParleyJson.module();
    }
}
