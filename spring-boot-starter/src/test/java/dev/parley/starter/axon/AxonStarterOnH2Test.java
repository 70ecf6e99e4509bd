package dev.parley.starter.axon;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sample application's HTTP checks on an H2 file database. */
class AxonStarterOnH2Test extends AxonStarterApplicationChecks {

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + directory.resolve("app"));
        registry.add("spring.datasource.username", () -> "sa");
    }
}
