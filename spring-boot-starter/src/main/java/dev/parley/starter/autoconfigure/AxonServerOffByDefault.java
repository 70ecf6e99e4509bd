package dev.parley.starter.autoconfigure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Parley keeps its events in its own store, so Axon Server is off unless the application turns it on
 * ({@code axon.axonserver.enabled=true}): the defaults are added last, below every property the application sets.
 */
public final class AxonServerOffByDefault implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(
                new MapPropertySource("parleyDefaults", Map.of("axon.axonserver.enabled", "false")));
    }
}
