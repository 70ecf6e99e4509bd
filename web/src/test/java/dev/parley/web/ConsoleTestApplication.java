package dev.parley.web;

import dev.parley.application.Parley;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.nio.file.Path;

/** A Spring Boot application that has a Parley on a store and nothing else: the console comes from auto-configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
class ConsoleTestApplication {

    @Bean(destroyMethod = "close")
    Parley parley(@Value("${test.store}") String store, @Value("${test.keys}") Path keys) {
        return Parley.builder().store(store).keys(keys).build();
    }
}
