package dev.parley.starter.axon;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application with {@code axon-spring-boot-starter} and Parley's starter on one DataSource. */
@SpringBootApplication
public class AxonSampleApplication {
}
