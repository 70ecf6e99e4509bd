package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.Parley;
import dev.parley.application.testing.ParleyRun;
import org.axonframework.eventhandling.DomainEventMessage;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@code parley} in-process the way a user would, and reads back what it stored. */
final class Cli {

    private Cli() {
    }

    /** What one {@code parley} invocation printed; {@code console} is what leaked to the process's own streams. */
    record Result(int exitCode, String out, String err, String console) {

        List<String> errLines() {
            return err.lines().toList();
        }

        List<String> outLines() {
            return out.lines().filter(line -> !line.isBlank()).toList();
        }

        List<String> rejectionLines() {
            return err.lines().filter(line -> line.startsWith("line ")).toList();
        }
    }

    static Result parley(String... args) {
        ParleyRun.Output run = ParleyRun.run(args);
        return new Result(run.exitCode(), run.out(), run.err(), run.console());
    }

    static String storeUrl(Path directory) {
        return ParleyRun.storeUrl(directory);
    }

    static Path write(Path directory, String name, String content) {
        return ParleyRun.write(directory, name, content);
    }

    /** The report of incident inc-1 (AFG against PAK at the border posts, 2025-10-12), as a command-file line. */
    static final String INCIDENT_REPORT = "{\"command\":\"ReportIncident\",\"incidentId\":\"inc-1\","
            + "\"location\":\"Border posts\",\"attackers\":[\"AFG\"],\"defenders\":[\"PAK\"],"
            + "\"description\":\"attack\",\"occurredAt\":\"2025-10-12\",\"source\":\"ISPR\"}";

    /** A new H2 store in {@code directory} that holds incident inc-1, stored by {@code parley run}. */
    static String storeWithAnIncident(Path directory) {
        String store = storeUrl(directory);
        Path setUp = write(directory, "set-up.ndjson", INCIDENT_REPORT + "\n");
        Result run = parley("run", "--store", store, setUp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return store;
    }

    /**
     * A command file in {@code directory}: inc-1 reported, then {@code casualtyLines} reports of one PAK soldier killed
     * and two wounded; written line by line, so it may be long.
     */
    static Path incidentWithCasualties(Path directory, int casualtyLines) throws java.io.IOException {
        Path file = directory.resolve("casualties.ndjson");
        try (java.io.BufferedWriter out = java.nio.file.Files.newBufferedWriter(
                file, java.nio.charset.StandardCharsets.UTF_8)) {
            out.write(INCIDENT_REPORT + "\n");
            for (int line = 0; line < casualtyLines; line++) {
                out.write("{\"command\":\"RecordCasualties\",\"incidentId\":\"inc-1\",\"side\":\"PAK\","
                                  + "\"killed\":1,\"wounded\":2,\"occurredAt\":\"2025-10-12\",\"source\":\"ISPR\"}\n");
            }
        }
        return file;
    }

    static JsonNode json(String text) {
        return ParleyRun.json(text);
    }

    /** {@code parley status --json} on a store, checked to succeed. */
    static JsonNode status(String storeUrl) {
        Result status = parley("status", "--store", storeUrl, "--json");
        assertThat(status.exitCode()).as("status exit code; stderr: %s", status.err()).isZero();
        return json(status.out());
    }

    /** Every stored event of one aggregate, read straight from the event store. */
    static List<DomainEventMessage<?>> events(String storeUrl, String aggregateId) {
        try (Parley parley = Parley.builder().store(storeUrl).readModels(false).build()) {
            List<DomainEventMessage<?>> events = parley.eventStore().readEvents(aggregateId, 0).asStream()
                                                        .<DomainEventMessage<?>>map(event -> event).toList();
            events.forEach(DomainEventMessage::getPayload);
            return events;
        }
    }

    /** The event names of one aggregate's stream, in order, without the Java {@code Event} suffix. */
    static List<String> eventTypes(String storeUrl, String aggregateId) {
        return events(storeUrl, aggregateId).stream()
                                            .map(event -> event.getPayloadType().getSimpleName()
                                                               .replaceFirst("Event$", ""))
                                            .toList();
    }

    /** No stack trace: no frame lines, no exception class names, no "Caused by". */
    static void assertNoStackTrace(String text) {
        assertThat(text).doesNotContain("Exception")
                        .doesNotContain("Caused by")
                        .doesNotContainPattern("(?m)^\\s+at [\\w$.<>]+\\(")
                        .doesNotContain("\tat ");
    }
}
